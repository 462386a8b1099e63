import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, boxesOverlap, placeLabels, segmentHitsBox } from '../../../src/lib/charts/label-placement';

const BOUNDS: Box = { x0: 0, y0: 0, x1: 400, y1: 300 };

describe('placeLabels', () => {
  it('puts a lone label to the right of its point, vertically centred', () => {
    const [label] = placeLabels([{ id: 'a', x: 100, y: 100, width: 30, height: 12 }], { bounds: BOUNDS, gap: 7 });
    expect(label.box).toEqual({ x0: 107, y0: 94, x1: 137, y1: 106 });
    expect([label.textX, label.textY, label.leader, label.overlaps]).toEqual([107, 100, false, false]);
  });

  it('moves left when the right side would leave the bounds', () => {
    const [label] = placeLabels([{ id: 'a', x: 390, y: 100, width: 30, height: 12 }], { bounds: BOUNDS, gap: 7 });
    expect(label.box.x1).toBe(383);
  });

  it('gives the second of two close points another side', () => {
    const [a, b] = placeLabels(
      [{ id: 'a', x: 100, y: 100, width: 40, height: 12 }, { id: 'b', x: 110, y: 100, width: 40, height: 12 }],
      { bounds: BOUNDS, gap: 7 },
    );
    expect(boxesOverlap(a.box, b.box)).toBe(false);
    expect(b.box.x1).toBeLessThanOrEqual(110);
  });

  it('never returns overlapping unflagged labels, stays in bounds, and is deterministic (property)', () => {
    const request = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      width: fc.integer({ min: 10, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 25 }), (points) => {
        const requests = points.map((p, i) => ({ id: `p${i}`, ...p, height: 12 }));
        const obstacles = requests.map((r) => ({ x0: r.x - 5, y0: r.y - 5, x1: r.x + 5, y1: r.y + 5 }));
        const placed = placeLabels(requests, { bounds: BOUNDS, obstacles, gap: 7 });
        expect(placed.map((p) => p.id)).toEqual(requests.map((r) => r.id));
        const clean = placed.filter((p) => !p.overlaps);
        for (const p of clean) {
          expect(p.box.x0 >= BOUNDS.x0 && p.box.x1 <= BOUNDS.x1 && p.box.y0 >= BOUNDS.y0 && p.box.y1 <= BOUNDS.y1).toBe(true);
          for (const o of obstacles) expect(boxesOverlap(p.box, o)).toBe(false);
        }
        for (let i = 0; i < clean.length; i++) {
          for (let j = i + 1; j < clean.length; j++) expect(boxesOverlap(clean[i].box, clean[j].box)).toBe(false);
        }
        expect(placeLabels(requests, { bounds: BOUNDS, obstacles, gap: 7 })).toEqual(placed);
      }),
      { seed: 20250601, numRuns: 150 },
    );
  });
});

describe('segmentHitsBox', () => {
  const box: Box = { x0: 10, y0: 10, x1: 20, y1: 20 };
  it('detects a segment crossing the interior', () => {
    expect(segmentHitsBox([0, 15, 30, 15], box)).toBe(true);
    expect(segmentHitsBox([0, 0, 30, 30], box)).toBe(true);
  });
  it('ignores segments that miss or only touch the edge', () => {
    expect(segmentHitsBox([0, 0, 30, 0], box)).toBe(false);
    expect(segmentHitsBox([0, 25, 25, 40], box)).toBe(false);
    expect(segmentHitsBox([0, 15, 10, 15], box)).toBe(false); // ends on the left edge
    expect(segmentHitsBox([10, 0, 10, 30], box)).toBe(false); // runs along the left edge
  });
});
