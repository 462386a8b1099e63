/**
 * The one module that owns a server-side DOM: it turns Plot options into static,
 * accessible, deterministic markup (an <svg>, or a <figure> when Plot adds a legend,
 * title or caption). No script survives, every text is escaped, and generated ids are
 * renamed from a hash of the chart's own content so equal input gives equal bytes and
 * different charts on one page never share an id.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { FONT_FAMILY, HATCH, HATCH_ID } from '../charts/palette';
import { collectIds, serializeMarkup, type MarkupNode } from './serialize-markup';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartMeta {
  /** Short name of the chart, read out by screen readers (aria-label and <title>). */
  title: string;
  /** What the chart shows and its main finding, in the page's language (<desc>). */
  description: string;
  /** BCP 47 language tag of the page, e.g. "zh-CN". */
  lang: string;
}

type DomElement = Element & MarkupNode;

export function renderChart(options: Plot.PlotOptions, meta: ChartMeta): string {
  const { title, description, lang } = checkMeta(meta);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const root = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as DomElement;
  const svg = mainSvg(root);

  root.setAttribute('lang', lang);
  svg.setAttribute('xmlns', SVG_NS); // ignored inline in HTML; lets a saved .svg open on its own
  setFonts(root);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  svg.removeAttribute('aria-description'); // superseded by <desc> below
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  const descEl = document.createElementNS(SVG_NS, 'desc');
  descEl.textContent = description;
  descEl.setAttribute('id', 'desc');
  svg.setAttribute('aria-describedby', 'desc');
  svg.insertBefore(descEl, svg.firstChild);
  svg.insertBefore(titleEl, descEl);
  if (usesHatch(root)) svg.insertBefore(hatchDefs(document), descEl.nextSibling);

  return serializeWithStableIds(root);
}

/** Width of a chart's phone copy: a 390 px phone's ~358 px column shows it at about 1:1, so 10 px text stays 10 px. */
export const NARROW_WIDTH = 360;

/** One chart drawn twice, for Chart.astro: `svg` at the page's width, `narrow` for phones. */
export interface ChartPair {
  svg: string;
  narrow: string;
}

/**
 * Draws `draw(width)` at `wide` and at `narrow` px. The copies' ids cannot clash: they are
 * hashed from each copy's own markup, which differs at least in its width.
 */
export function renderChartPair(
  draw: (width: number) => Plot.PlotOptions,
  meta: ChartMeta,
  { wide = 640, narrow = NARROW_WIDTH }: { wide?: number; narrow?: number } = {},
): ChartPair {
  if (!(narrow < wide)) throw new Error(`chart "${meta?.title}": narrow width ${narrow} must be less than the wide width ${wide}`);
  return { svg: renderChart(draw(wide), meta), narrow: renderChart(draw(narrow), meta) };
}

function checkMeta(meta: ChartMeta): ChartMeta {
  for (const key of ['title', 'description', 'lang'] as const) {
    const value = meta?.[key];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new Error(`chart ${key} must be a non-empty string, got ${JSON.stringify(value)}`);
    }
  }
  return meta;
}

/** Plot returns the chart <svg> itself, or a <figure> holding legends and then the <svg>. */
function mainSvg(root: DomElement): DomElement {
  if (root.localName === 'svg') return root;
  const svgs = Array.from(root.children).filter((c) => c.localName === 'svg');
  const svg = svgs[svgs.length - 1];
  if (!svg) throw new Error(`Plot returned <${root.localName}> without a chart <svg>`);
  return svg as DomElement;
}

/** Replace Plot's system-ui stack so CJK labels use a CJK face; legends set their own font. */
function setFonts(root: DomElement): void {
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))] as DomElement[]) {
    if (el.hasAttribute('font-family')) el.setAttribute('font-family', FONT_FAMILY);
    const cls = el.getAttribute('class') ?? '';
    if (el.localName === 'div' && /-(swatches|legend)\b/.test(cls)) {
      const style = el.getAttribute('style');
      el.setAttribute('style', `${style ? `${style};` : ''}font-family:${FONT_FAMILY}`);
    }
  }
}

function usesHatch(root: DomElement): boolean {
  return root.querySelector(`[fill="url(#${HATCH_ID})"]`) !== null;
}

function hatchDefs(document: Document): Element {
  const el = (name: string, attrs: Record<string, string | number>): Element => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  };
  const defs = el('defs', {});
  const pattern = el('pattern', { id: HATCH_ID, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' });
  pattern.append(el('rect', { width: 6, height: 6, fill: HATCH.background }));
  pattern.append(el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: HATCH.stroke, 'stroke-width': 2 }));
  defs.append(pattern);
  return defs;
}

/** Ids become `c<hash>-<n>`, the hash taken over the markup with ids blanked to their number. */
function serializeWithStableIds(root: DomElement): string {
  const ids = collectIds(root);
  const index = new Map(ids.map((id, i) => [id, i + 1]));
  const numbered = serializeMarkup(root, (id) => (index.has(id) ? `#${index.get(id)}` : id));
  const prefix = `c${fnv1a(numbered)}`;
  return serializeMarkup(root, (id) => (index.has(id) ? `${prefix}-${index.get(id)}` : id));
}

/** 32-bit FNV-1a, base 36: a short content hash; collisions only matter between charts on one page. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
