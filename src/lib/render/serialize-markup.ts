/**
 * A small, strict serialiser for the DOM trees Plot builds, used instead of linkedom's
 * outerHTML because that leaves `&` and `<` raw in attributes. It escapes every text node
 * and attribute, drops anything that could run script, and renames element ids through
 * `idFor` so the renderer can make them stable.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const VOID_HTML = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements never emitted, whatever built them. */
const DROPPED = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'noscript', 'template']);
/** Attributes whose value lists element ids (space separated). */
const IDREF_LISTS = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns']);

/** The DOM surface this serialiser needs; linkedom and browsers both provide it. */
export interface MarkupNode {
  nodeType: number;
  localName?: string;
  namespaceURI?: string | null;
  data?: string;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<MarkupNode>;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** Ids in document order, so a caller can number them. */
export function collectIds(root: MarkupNode): string[] {
  const ids: string[] = [];
  walkElements(root, (node) => {
    const id = attributeList(node).find((a) => a.name === 'id')?.value;
    if (id && !ids.includes(id)) ids.push(id);
  });
  return ids;
}

/** Serialises `root`, replacing each id (and every reference to it) with `rename(id)`. */
export function serializeMarkup(root: MarkupNode, rename: (id: string) => string): string {
  const parts: string[] = [];
  write(root, rename, parts);
  return parts.join('');
}

function write(node: MarkupNode, rename: (id: string) => string, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escapeText(node.data ?? ''));
    return;
  }
  if (node.nodeType !== 1) return; // comments, processing instructions: nothing worth publishing
  const name = node.localName ?? '';
  if (DROPPED.has(name.toLowerCase())) return;
  const isSvg = node.namespaceURI === SVG_NS;
  out.push(`<${name}`);
  for (const { name: attr, value } of attributeList(node)) {
    const safe = safeAttribute(attr, value, rename);
    if (safe !== null) out.push(` ${attr}="${escapeAttribute(safe)}"`);
  }
  const children = Array.from(node.childNodes);
  if (!isSvg && VOID_HTML.has(name)) {
    out.push('>');
    return;
  }
  if (isSvg && children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  if (!isSvg && name === 'style') {
    // HTML <style> is raw text: escaping would corrupt CSS, so neutralise "<" the CSS way.
    out.push(children.map((c) => c.data ?? '').join('').replace(/</g, '\\3C '));
  } else {
    for (const child of children) write(child, rename, out);
  }
  out.push(`</${name}>`);
}

function safeAttribute(name: string, value: string, rename: (id: string) => string): string | null {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return null; // event handlers
  if (lower === 'id') return rename(value);
  if (lower === 'href' || lower === 'xlink:href' || lower === 'src') {
    if (/^\s*(javascript|vbscript|data:text\/html)/i.test(value)) return null;
    return value.startsWith('#') ? `#${rename(value.slice(1))}` : value;
  }
  if (IDREF_LISTS.has(lower)) return value.split(/\s+/).filter(Boolean).map(rename).join(' ');
  return value.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`);
}

function attributeList(node: MarkupNode): { name: string; value: string }[] {
  // linkedom's setAttribute prepends, so its list is newest first; reverse it to print
  // attributes in the order Plot set them (readable snapshots: x1 before x2).
  return Array.from(node.attributes ?? []).map(({ name, value }) => ({ name, value })).reverse();
}

function walkElements(node: MarkupNode, visit: (node: MarkupNode) => void): void {
  if (node.nodeType !== 1) return;
  visit(node);
  for (const child of Array.from(node.childNodes)) walkElements(child, visit);
}
