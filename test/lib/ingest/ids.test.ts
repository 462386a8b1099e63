import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdIndex, MISSING_ID, NEW_ID } from '../../../src/lib/ingest/ids';

/** The oracle: a Map from trimmed id to the location of its first occurrence. */
function expected(ids: string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((raw, location) => {
    const id = raw.replace(/^[ \t]+|[ \t]+$/g, '');
    if (id === '') return MISSING_ID;
    const seen = first.get(id);
    if (seen !== undefined) return seen;
    first.set(id, location);
    return NEW_ID;
  });
}

function claims(ids: string[], reserve = 0): number[] {
  const index = new IdIndex();
  index.reserve(reserve);
  return ids.map((id, location) => {
    index.location = location;
    const bytes = Buffer.from(id, 'utf8');
    return index.ofBytes(bytes, 0, bytes.length);
  });
}

describe('IdIndex', () => {
  it('finds the first occurrence of a repeated id, also after a long ascending run', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `R${String(i).padStart(5, '0')}`);
    ids.push('R00017', 'R99999', ' R00017\t', '', 'R00003');
    const got = claims(ids);
    expect(got.slice(5000)).toEqual([17, NEW_ID, 17, MISSING_ID, 3]);
    expect(got.slice(0, 5000).every((c) => c === NEW_ID)).toBe(true);
  });

  it('gives each id back as its trimmed text', () => {
    const index = new IdIndex();
    const entries = ['b', ' 答卷 1 ', 'a'].map((id) => {
      const bytes = Buffer.from(id, 'utf8');
      index.ofBytes(bytes, 0, bytes.length);
      return index.lastEntry;
    });
    expect(entries.map((e) => index.text(e))).toEqual(['b', '答卷 1', 'a']);
  });

  it('property: agrees with a Map on any sequence (sorted runs, repeats, prefixes, blanks)', () => {
    const id = fc.oneof(fc.constantFrom('', ' ', 'a', 'ab', 'abc', 'b', '答', '答卷'), fc.string({ maxLength: 4 }));
    const sequence = fc.oneof(fc.array(id, { maxLength: 60 }), fc.array(id, { maxLength: 60 }).map((a) => [...a].sort()));
    fc.assert(
      fc.property(sequence, fc.nat(100), (ids, reserve) => {
        expect(claims(ids, reserve)).toEqual(expected(ids));
      }),
    );
  });
});
