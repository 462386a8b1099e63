/**
 * Deterministic point-label placement: for each point in priority order, try positions
 * around it (right, left, above, below, then the diagonals), on rings further out, and
 * take the first box that stays inside the bounds and overlaps no placed label and no
 * obstacle, and whose leader line (beyond the first ring) crosses no label or obstacle and
 * no earlier leader crosses it. If none fits, take the candidate with the least overlap and flag it.
 * All geometry is in px; boxes are [x0, x1) × [y0, y1) with y growing downwards.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  id: string;
  /** The point the label belongs to, in px. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  id: string;
  box: Box;
  /** Where a start-anchored, middle-aligned text goes. */
  textX: number;
  textY: number;
  /** True when the label sits away from its point and needs a leader line. */
  leader: boolean;
  /** True when no free spot existed and the label overlaps something. */
  overlaps: boolean;
}

export interface PlacementOptions {
  bounds: Box;
  /** Boxes labels must avoid: the points themselves, corner notes, legends. */
  obstacles?: readonly Box[];
  /** Distance from a point to its nearest label (px), e.g. the dot radius plus a gap. */
  gap?: number;
}

/** Extra distances tried after the first ring; beyond the first ring a leader is drawn. */
const RINGS = [0, 8, 18, 32, 50, 75, 105];
/** Directions in the order tried: right, left, above, below, the diagonals, then between. */
const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1],
  [2, -1], [2, 1], [-2, -1], [-2, 1], [1, -2], [1, 2], [-1, -2], [-1, 2],
].map(([x, y]) => [x / Math.hypot(x, y), y / Math.hypot(x, y)] as const);

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export function overlapArea(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/** How many reorderings to try when some labels found no free spot. */
const MAX_ATTEMPTS = 8;

/**
 * Places labels in the given priority order; when some find no free spot, those go first
 * in a new attempt (a point boxed in by its neighbours' labels often fits if it chooses
 * earlier). Returns the attempt with the fewest overlapping labels, in request order.
 */
export function placeLabels(requests: readonly LabelRequest[], options: PlacementOptions): PlacedLabel[] {
  let order = [...requests];
  let current = placeInOrder(order, options);
  let best = current;
  for (let attempt = 1; attempt < MAX_ATTEMPTS && countOverlaps(current) > 0; attempt++) {
    const failed = new Set(current.filter((p) => p.overlaps).map((p) => p.id));
    order = [...order.filter((r) => failed.has(r.id)), ...order.filter((r) => !failed.has(r.id))];
    current = placeInOrder(order, options);
    if (countOverlaps(current) < countOverlaps(best)) best = current;
  }
  const byId = new Map(best.map((p) => [p.id, p]));
  return requests.map((r) => byId.get(r.id)!);
}

function countOverlaps(placed: readonly PlacedLabel[]): number {
  return placed.filter((p) => p.overlaps).length;
}

function placeInOrder(requests: readonly LabelRequest[], { bounds, obstacles = [], gap = 6 }: PlacementOptions): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const leaders: Segment[] = [];
  for (const request of requests) {
    const candidates = candidateBoxes(request, gap);
    // The point's own dot is where its leader starts, so leaders only avoid the other obstacles.
    const others = obstacles.filter((o) => !containsPoint(o, request.x, request.y));
    const free = candidates.find(({ box, ring }) => {
      if (!inside(box, bounds) || hits(box, placed, obstacles)) return false;
      if (leaders.some((l) => segmentHitsBox(l, box))) return false;
      if (ring === 0) return true;
      const leader = leaderFor(request, box);
      return !placed.some((p) => segmentHitsBox(leader, p.box)) && !others.some((o) => segmentHitsBox(leader, o));
    });
    if (free) {
      placed.push(toPlaced(request, free.box, free.ring > 0, false));
      if (free.ring > 0) leaders.push(leaderFor(request, free.box));
      continue;
    }
    let best = candidates[0];
    let bestCost = Infinity;
    for (const candidate of candidates) {
      const crossings = leaders.filter((l) => segmentHitsBox(l, candidate.box)).length;
      const cost = overlapCost(candidate.box, placed, obstacles, bounds) + 100 * crossings;
      if (cost < bestCost) [best, bestCost] = [candidate, cost];
    }
    placed.push(toPlaced(request, best.box, best.ring > 0, true));
    if (best.ring > 0) leaders.push(leaderFor(request, best.box));
  }
  return placed;
}

type Segment = readonly [number, number, number, number];

function leaderFor({ x, y }: LabelRequest, box: Box): Segment {
  const [x2, y2] = nearestPointOnBox(box, x, y);
  return [x, y, x2, y2];
}

function containsPoint(box: Box, x: number, y: number): boolean {
  return x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
}

/** Liang–Barsky clipping: does the segment pass through the box's interior? */
export function segmentHitsBox([x1, y1, x2, y2]: Segment, box: Box): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [[-dx, x1 - box.x0], [dx, box.x1 - x1], [-dy, y1 - box.y0], [dy, box.y1 - y1]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false; // parallel to and outside (or on) this edge
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

function candidateBoxes({ x, y, width, height }: LabelRequest, gap: number): { box: Box; ring: number }[] {
  const out: { box: Box; ring: number }[] = [];
  RINGS.forEach((extra, ring) => {
    const d = gap + extra;
    for (const [ux, uy] of DIRECTIONS) {
      const ax = x + ux * d;
      const ay = y + uy * d;
      // The box touches the anchor on the side facing the point.
      const x0 = ux > 0 ? ax : ux < 0 ? ax - width : ax - width / 2;
      const y0 = uy > 0 ? ay : uy < 0 ? ay - height : ay - height / 2;
      out.push({ box: { x0, y0, x1: x0 + width, y1: y0 + height }, ring });
    }
  });
  return out;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x0 >= bounds.x0 && box.x1 <= bounds.x1 && box.y0 >= bounds.y0 && box.y1 <= bounds.y1;
}

function hits(box: Box, placed: readonly PlacedLabel[], obstacles: readonly Box[]): boolean {
  return placed.some((p) => boxesOverlap(box, p.box)) || obstacles.some((o) => boxesOverlap(box, o));
}

function overlapCost(box: Box, placed: readonly PlacedLabel[], obstacles: readonly Box[], bounds: Box): number {
  const area = (box.x1 - box.x0) * (box.y1 - box.y0);
  const outside = area - overlapArea(box, bounds);
  return placed.reduce((s, p) => s + overlapArea(box, p.box), 0) + obstacles.reduce((s, o) => s + 0.5 * overlapArea(box, o), 0) + outside;
}

function toPlaced({ id }: LabelRequest, box: Box, leader: boolean, overlaps: boolean): PlacedLabel {
  return { id, box, textX: box.x0, textY: (box.y0 + box.y1) / 2, leader, overlaps };
}

/** The point on `box` nearest to (x, y): where a leader line ends. */
export function nearestPointOnBox(box: Box, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, box.x0), box.x1), Math.min(Math.max(y, box.y0), box.y1)];
}
