import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barChart } from '../../../src/lib/charts/bar-chart';
import { heatmapChart } from '../../../src/lib/charts/heatmap-chart';
import { likertChart } from '../../../src/lib/charts/likert-chart';
import { FONT_FAMILY } from '../../../src/lib/charts/palette';
import { NARROW_WIDTH, fnv1a, renderChart, renderChartPair } from '../../../src/lib/render/render-svg';
import { serializeMarkup, type MarkupNode } from '../../../src/lib/render/serialize-markup';
import { BAR_ROWS, HEATMAP_ROWS, LIKERT_ROWS, META_EN, META_ZH } from '../charts/fixtures';

const PAYLOAD = '</svg><script>alert(1)</script>';

describe('renderChart', () => {
  it('gives byte-identical output for the same input', () => {
    const options = () => likertChart(LIKERT_ROWS, { labels: { n: 'n={n}' }, locale: 'zh-CN' });
    expect(renderChart(options(), META_ZH)).toBe(renderChart(options(), META_ZH));
  });

  it('returns a bare <svg> without a legend and a <figure> with one', () => {
    expect(renderChart(barChart(BAR_ROWS, { locale: 'en' }), META_EN)).toMatch(/^<svg /);
    expect(renderChart(likertChart(LIKERT_ROWS, { labels: { n: 'n={n}' }, locale: 'zh-CN' }), META_ZH)).toMatch(/^<figure /);
  });

  it('labels the chart for assistive technology', () => {
    const out = renderChart(barChart(BAR_ROWS, { locale: 'en' }), { title: 'Drivers', description: 'Quality matters most.', lang: 'en' });
    const svgTag = /^<svg [^>]*>/.exec(out)![0];
    expect(svgTag).toContain('role="img"');
    expect(svgTag).toContain('aria-label="Drivers"');
    expect(svgTag).toContain('lang="en"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(out)![1];
    expect(out).toContain(`<title>Drivers</title><desc id="${describedBy}">Quality matters most.</desc>`);
  });

  it('uses a font stack with CJK faces everywhere, legends included', () => {
    const out = renderChart(likertChart(LIKERT_ROWS, { labels: { n: 'n={n}' }, locale: 'zh-CN' }), META_ZH);
    const escaped = FONT_FAMILY.replace(/"/g, '&quot;');
    expect(out).not.toContain('font-family="system-ui, sans-serif"');
    expect(out).toContain(`font-family="${escaped}"`);
    const swatches = /<div [^>]*class="[^"]*-swatches[^>]*>/.exec(out)![0];
    expect(swatches).toContain(`style="font-family:${escaped}"`);
  });

  it('escapes a script payload in every place text can appear, and emits no <script>', () => {
    const rows = [{ label: PAYLOAD, value: 3 }, { label: 'b', value: 1 }];
    const out = renderChart(
      { ...barChart(rows, { locale: 'en' }), color: { legend: true }, marks: [Plot.barX(rows, { x: 'value', y: 'label', fill: 'label' })] },
      { title: PAYLOAD, description: PAYLOAD, lang: 'en' },
    );
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain(PAYLOAD);
    const escaped = '&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;';
    expect(out).toContain(`<title>${escaped}</title>`); // title
    expect(out).toContain(`aria-label="${escaped}"`); // attribute
    expect(out).toContain(`<desc id="`); // and in the description, tick label and legend:
    expect(out.split(escaped).length - 1).toBe(5);
  });

  it('names ids from the content, so two different charts on a page never share one', () => {
    const heatmap = renderChart(heatmapChart(HEATMAP_ROWS, { labels: { suppressed: 'n<5' }, locale: 'zh-CN' }), META_ZH);
    const bars = renderChart(barChart(BAR_ROWS, { locale: 'en' }), META_EN);
    const ids = (s: string) => [...s.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(heatmap).length).toBeGreaterThan(1);
    expect(ids(heatmap).filter((id) => ids(bars).includes(id))).toEqual([]);
    for (const id of ids(heatmap)) expect(id).toMatch(/^c[0-9a-z]+-\d+$/);
  });

  it('injects the hatch pattern only when a chart uses it, and points the fill at it', () => {
    const heatmap = renderChart(heatmapChart(HEATMAP_ROWS, { labels: { suppressed: 'n<5' }, locale: 'zh-CN' }), META_ZH);
    const patternId = /<pattern [^>]*\bid="([^"]+)"/.exec(heatmap)![1];
    expect(heatmap).toContain(`fill="url(#${patternId})"`);
    expect(renderChart(barChart(BAR_ROWS, { locale: 'en' }), META_EN)).not.toContain('<pattern');
  });

  it('rejects a missing title, description or language', () => {
    const options = barChart(BAR_ROWS, { locale: 'en' });
    expect(() => renderChart(options, { ...META_EN, title: ' ' })).toThrow('chart title must be a non-empty string, got " "');
    expect(() => renderChart(options, { ...META_EN, lang: '' })).toThrow('chart lang must be a non-empty string');
  });
});

describe('renderChartPair', () => {
  const draw = (width: number) => heatmapChart(HEATMAP_ROWS, { labels: { suppressed: 'n<5' }, locale: 'zh-CN', width });

  it('draws the chart at the page width and at a phone width, the wide copy exactly as renderChart does', () => {
    const { svg, narrow } = renderChartPair(draw, META_ZH);
    expect(svg).toBe(renderChart(draw(640), META_ZH));
    expect(narrow).toBe(renderChart(draw(NARROW_WIDTH), META_ZH));
    expect(svg).toMatch(/^<svg [^>]*width="640"/);
    expect(narrow).toMatch(new RegExp(`^<svg [^>]*width="${NARROW_WIDTH}"`));
    expect(renderChartPair(draw, META_ZH, { wide: 520, narrow: 320 }).narrow).toMatch(/^<svg [^>]*width="320"/);
  });

  it('gives the two copies different ids, so one page can hold both (the hatch pattern, the description)', () => {
    const { svg, narrow } = renderChartPair(draw, META_ZH);
    const ids = (s: string) => [...s.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(svg)).toHaveLength(2);
    expect(ids(narrow)).toHaveLength(2);
    expect(ids(narrow).filter((id) => ids(svg).includes(id))).toEqual([]);
  });

  it('rejects a narrow width that is not narrower', () => {
    expect(() => renderChartPair(draw, META_ZH, { wide: 360 })).toThrow('chart "图表": narrow width 360 must be less than the wide width 360');
  });
});

describe('serializeMarkup', () => {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const SVG = 'http://www.w3.org/2000/svg';
  /** Builds a node the way Plot does (createElementNS + setAttribute), one attribute each. */
  const h = (tag: string, attrs: Record<string, string>, children: (Node | string)[] = [], ns?: string): Element => {
    const el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    for (const c of children) el.append(c);
    return el as unknown as Element;
  };
  const serialize = (el: Element, rename = (id: string) => id) => serializeMarkup(el as unknown as MarkupNode, rename);

  it('escapes & < > in text and & < > " in attributes', () => {
    expect(serialize(h('div', { title: 'a"b&c<d>' }, ['x < y & z > w']))).toBe('<div title="a&quot;b&amp;c&lt;d&gt;">x &lt; y &amp; z &gt; w</div>');
  });

  it('prints attributes in the order they were set', () => {
    expect(serialize(h('line', { x1: '0', x2: '1', y1: '2' }, [], SVG))).toBe('<line x1="0" x2="1" y1="2"/>');
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const tree = h('div', {}, [
      h('script', {}, ['alert(1)']),
      h('a', { href: 'javascript:alert(1)', onclick: 'x()' }, ['a']),
      h('svg', {}, [h('foreignObject', {}, [h('p', {}, ['x'])], SVG), h('script', {}, ['alert(2)'], SVG)], SVG),
    ]);
    expect(serialize(tree)).toBe('<div><a>a</a><svg></svg></div>');
  });

  it('self-closes empty SVG elements but not HTML ones', () => {
    expect(serialize(h('div', {}, [h('span', {}), h('svg', {}, [h('rect', { width: '1' }, [], SVG)], SVG)]))).toBe('<div><span></span><svg><rect width="1"/></svg></div>');
  });

  it('renames ids and every reference to them', () => {
    const tree = h('svg', {}, [h('clipPath', { id: 'k' }, [], SVG), h('g', { 'aria-describedby': 'k' }, [h('use', { href: '#k', fill: 'url(#k)' }, [], SVG)], SVG)], SVG);
    expect(serialize(tree, (id) => (id === 'k' ? 'z' : id))).toBe('<svg><clipPath id="z"/><g aria-describedby="z"><use href="#z" fill="url(#z)"/></g></svg>');
  });
});

describe('fnv1a', () => {
  // FNV-1a 32-bit reference values from the FNV test suite (isthe.com/chongo/tech/comp/fnv):
  // "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a('')).toBe((0x811c9dc5).toString(36));
    expect(fnv1a('a')).toBe((0xe40c292c).toString(36));
    expect(fnv1a('foobar')).toBe((0xbf9cf968).toString(36));
  });
});
