/**
 * Where a rendered chart's texts land, estimated without a browser: each <text>'s position from
 * the translate() transforms on it and its ancestors, its width from text-metrics (the same
 * estimate the charts lay out with), 10 px tall, placed by its text-anchor and its baseline
 * shift (y="0.71em" hangs below the point, "0.32em" centres on it, none sits on it).
 * Rotated texts are skipped: the charts that rotate size their margins for them.
 */
import { parseHTML } from 'linkedom';
import { FONT_SIZE, estimateTextWidth } from '../../src/lib/charts/text-metrics';

export interface TextBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

interface Node {
  localName?: string;
  textContent: string | null;
  parentElement: Node | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
}

/** The chart <svg> of `markup` (a bare <svg> or Plot's <figure> around one) and its texts' boxes. */
export function textBoxes(markup: string): { width: number; height: number; boxes: TextBox[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const svg = (document as unknown as Node).querySelector('svg[role="img"]')!;
  const boxes: TextBox[] = [];
  for (const text of Array.from(svg.querySelectorAll('text'))) {
    let x = 0;
    let y = 0;
    let rotated = false;
    let anchor: string | null = null;
    for (let el: Node | null = text; el && el !== svg; el = el.parentElement) {
      const transform = el.getAttribute('transform') ?? '';
      const t = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(transform);
      if (t) [x, y] = [x + Number(t[1]), y + Number(t[2])];
      if (/rotate\(/.test(transform)) rotated = true;
      anchor ??= el.getAttribute('text-anchor');
    }
    anchor ??= svg.getAttribute('text-anchor') ?? 'start';
    if (rotated) continue;
    const content = text.textContent ?? '';
    const w = estimateTextWidth(content);
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    const shift = Number(/^(-?[\d.]+)em$/.exec(text.getAttribute('y') ?? '')?.[1] ?? 0); // none: on the baseline
    const centre = y + (shift - 0.32) * FONT_SIZE;
    boxes.push({ text: content, x0, x1: x0 + w, y0: centre - FONT_SIZE / 2, y1: centre + FONT_SIZE / 2 });
  }
  return { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')), boxes };
}

/** Texts that leave the chart, and pairs that overlap by more than a pixel each way. */
export function textProblems(markup: string): string[] {
  const { width, height, boxes } = textBoxes(markup);
  const problems = boxes.filter((b) => b.x0 < -0.5 || b.x1 > width + 0.5 || b.y0 < -0.5 || b.y1 > height + 0.5).map((b) => `outside: ${b.text}`);
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1) problems.push(`overlap: ${a.text} × ${b.text}`);
  }));
  return problems;
}
