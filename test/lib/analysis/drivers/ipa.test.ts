import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importancePerformance, type IpaItem } from '../../../../src/lib/analysis/drivers/ipa';

describe('importancePerformance', () => {
  // Means: importance (0.4+0.3+0.1+0.2)/4 = 0.25, performance (50+80+40+90)/4 = 65.
  const items: IpaItem[] = [
    { id: 'speed', importance: 0.4, performance: 50 }, // high, low  → concentrate
    { id: 'staff', importance: 0.3, performance: 80 }, // high, high → keep_up
    { id: 'app', importance: 0.1, performance: 40 }, // low, low   → low_priority
    { id: 'decor', importance: 0.2, performance: 90 }, // low, high  → overkill
  ];

  it('assigns quadrants at the mean cross-hairs (Martilla & James 1977)', () => {
    const ipa = importancePerformance(items);
    expect(ipa.importanceMean).toBeCloseTo(0.25, 15);
    expect(ipa.performanceMean).toBe(65);
    const byId = Object.fromEntries(ipa.rows.map((r) => [r.id, r.quadrant]));
    expect(byId).toEqual({ speed: 'concentrate', staff: 'keep_up', app: 'low_priority', decor: 'overkill' });
  });

  it('orders by concentrate first, then importance × gap, then id', () => {
    // Gaps to the performance mean 65: speed 15, staff −15, app 25, decor −25.
    // Scores: speed 6, staff −4.5, app 2.5, decor −5 → speed (concentrate), app, staff, decor.
    const ipa = importancePerformance(items);
    expect(ipa.rows.map((r) => [r.id, r.priority])).toEqual([
      ['speed', 1],
      ['app', 2],
      ['staff', 3],
      ['decor', 4],
    ]);
    expect(ipa.rows[0].gap).toBe(15);
    expect(ipa.rows[0].priorityScore).toBeCloseTo(6, 12);
  });

  it('measures the gap to a target when one is given', () => {
    // staff is behind its target 95 by 15: score 0.3 × 15 = 4.5 > app's 2.5.
    const ipa = importancePerformance(items.map((i) => (i.id === 'staff' ? { ...i, target: 95 } : i)));
    expect(ipa.rows.map((r) => r.id)).toEqual(['speed', 'staff', 'app', 'decor']);
    expect(ipa.rows[1]).toMatchObject({ id: 'staff', quadrant: 'keep_up', gap: 15, target: 95 });
  });

  it('puts every concentrate item first even when another scores higher', () => {
    // c1, c2 concentrate with small scores; big has a target far away but high performance.
    const ipa = importancePerformance([
      { id: 'c2', importance: 0.3, performance: 59 },
      { id: 'c1', importance: 0.3, performance: 59 },
      { id: 'big', importance: 0.3, performance: 80, target: 200 },
      { id: 'low', importance: 0.1, performance: 62 },
    ]);
    // Means: importance 0.25; performance 65. c1 and c2 tie on score 1.8: id order decides.
    expect(ipa.rows.map((r) => r.id)).toEqual(['c1', 'c2', 'big', 'low']);
  });

  it('counts an item on the cross-hair as high (rounding in the mean included)', () => {
    // Mean importance = (0.1+0.2+0.3)/3 computes as 0.20000000000000004; 0.2 is on it.
    const ipa = importancePerformance([
      { id: 'a', importance: 0.1, performance: 1 },
      { id: 'b', importance: 0.2, performance: 2 },
      { id: 'c', importance: 0.3, performance: 3 },
    ]);
    expect(ipa.rows.find((r) => r.id === 'b')?.quadrant).toBe('keep_up');
  });

  it('rejects duplicate ids and non-finite numbers', () => {
    expect(() => importancePerformance([items[0], items[0]])).toThrow('id "speed" appears twice');
    expect(() => importancePerformance([{ id: 'x', importance: NaN, performance: 1 }])).toThrow(
      'item "x" has importance NaN; must be a finite number',
    );
    expect(() => importancePerformance([{ id: 'x', importance: 1, performance: 1, target: Infinity }])).toThrow(
      'item "x" has target Infinity',
    );
  });

  it('returns the same order whatever the input order (property)', () => {
    const item = fc.record({
      importance: fc.integer({ min: 0, max: 5 }),
      performance: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (raw, keys) => {
        const list = raw.map((r, i) => ({ id: `item${String(i).padStart(2, '0')}`, ...r }));
        const shuffled = list
          .map((it) => ({ it, key: keys.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.it);
        const a = importancePerformance(list).rows.map((r) => r.id);
        const b = importancePerformance(shuffled).rows.map((r) => r.id);
        expect(b).toEqual(a);
        // Concentrate items form a prefix.
        const quadrants = importancePerformance(list).rows.map((r) => r.quadrant === 'concentrate');
        expect(quadrants).toEqual([...quadrants].sort((x, y) => Number(y) - Number(x)));
      }),
    );
  });
});
