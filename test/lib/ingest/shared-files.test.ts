import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/ingest/decode';
import { piecesOf, releaseOthers } from '../../../src/lib/ingest/read-files';
import { MAX_SHARED_BYTES, openShared, readFileInto, releaseShared, reserveSharedFiles, type SharedFiles } from '../../../src/lib/ingest/shared-files';
import { CsatError } from '../../../src/lib/errors';
import { encodeGbk, removeTemp, tempDir } from './_helpers';

/**
 * Both threads' view of one shared file, played out on one thread: each call of `open` is a
 * thread opening the file with its own copy of the buffers list, as structured cloning
 * gives the helper. The oracle is decodeBytes of the file read the ordinary way.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTemp));

function fileWith(content: string | Uint8Array): { abs: string; size: number } {
  const dir = tempDir('csat-shared-');
  dirs.push(dir);
  const abs = path.join(dir, 'f.csv');
  fs.writeFileSync(abs, content);
  return { abs, size: fs.statSync(abs).size };
}

/** A thread's own copy of the shared state (the same memory, its own list of buffers). */
const threadView = (s: SharedFiles): SharedFiles => ({ ...s, buffers: [...s.buffers] });

function open(shared: SharedFiles, abs: string, encoding = 'auto') {
  let reads = 0;
  const decoded = openShared(shared, abs, (into) => (reads++, readFileInto(abs, into)), (raw) => decodeBytes(raw, encoding, 'f.csv'));
  return { decoded, reads };
}

const oracle = (abs: string, encoding = 'auto') => decodeBytes(fs.readFileSync(abs), encoding, 'f.csv');

describe('one copy of a file for both threads', () => {
  it.each([
    ['UTF-8', 'id,评论\n1,很好\n'],
    ['UTF-8 with a byte order mark', '\uFEFFid,评论\n1,很好\n'],
  ])('%s: read once, the second thread gets the same bytes and encoding', (_, text) => {
    const f = fileWith(text);
    const shared = reserveSharedFiles([f]);
    const first = open(threadView(shared), f.abs);
    const second = open(threadView(shared), f.abs);
    const want = oracle(f.abs);
    expect([first.reads, second.reads]).toEqual([1, 0]);
    for (const got of [first.decoded!, second.decoded!]) {
      expect(got.encoding).toBe(want.encoding);
      expect(got.bytes.equals(want.bytes)).toBe(true);
      expect(got.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
  });

  it('another encoding is decoded by the first thread and read again by the second (one thread reads such a file whole anyway)', () => {
    const f = fileWith(encodeGbk('id,评论\n1,很好\n'));
    const shared = reserveSharedFiles([f]);
    const first = open(threadView(shared), f.abs);
    expect(first.decoded!.encoding).toBe('gb18030');
    expect(first.decoded!.bytes.equals(oracle(f.abs).bytes)).toBe(true);
    expect(open(threadView(shared), f.abs)).toEqual({ decoded: undefined, reads: 0 });
  });

  it("a decoding error is the first thread's; the second reads the file itself and meets it too", () => {
    const f = fileWith(Buffer.from([0x69, 0x64, 0x0a, 0xe4, 0xbd, 0xa0, 0xe5, 0xa5, 0xbd, 0xff, 0x0a]));
    const shared = reserveSharedFiles([f]);
    expect(() => open(threadView(shared), f.abs, 'utf-8')).toThrow(CsatError);
    expect(open(threadView(shared), f.abs, 'utf-8')).toEqual({ decoded: undefined, reads: 0 });
  });

  it('a file whose size changed since it was measured is not shared: each thread reads it itself', () => {
    const f = fileWith('id\n1\n');
    const shorter = reserveSharedFiles([{ abs: f.abs, size: f.size - 1 }]);
    const longer = reserveSharedFiles([{ abs: f.abs, size: f.size + 1 }]);
    for (const shared of [shorter, longer]) {
      expect(open(threadView(shared), f.abs).decoded).toBeUndefined();
      expect(open(threadView(shared), f.abs)).toEqual({ decoded: undefined, reads: 0 });
    }
  });

  it('a file too large for one buffer is not shared: it is read the ordinary way, which reports it', () => {
    const shared = reserveSharedFiles([{ abs: '/big.csv', size: MAX_SHARED_BYTES + 1 }, { abs: '/empty.csv', size: 0 }]);
    expect(shared.buffers).toEqual([null, null]);
    expect(open(shared, '/big.csv')).toEqual({ decoded: undefined, reads: 0 });
  });

  it('files without a slot, and released ones, are read by the thread itself', () => {
    const f = fileWith('id\n1\n');
    const g = fileWith('id\n2\n');
    const shared = reserveSharedFiles([f]);
    expect(open(shared, g.abs)).toEqual({ decoded: undefined, reads: 0 });
    const mine = threadView(shared);
    releaseShared(mine, f.abs);
    expect(open(mine, f.abs)).toEqual({ decoded: undefined, reads: 0 });
    expect(open(threadView(shared), f.abs).reads).toBe(1); // the other thread's view still has it
  });

  it('each thread lets go of the files the other has claimed every piece of', () => {
    const files = ['a', 'b', 'c'].map((name) => ({ abs: `/${name}.csv`, shown: `${name}.csv`, size: 30 }));
    const pieces = piecesOf(files, 10); // 3 pieces a file
    const shared = reserveSharedFiles(files);
    // Main claimed a, b's first two pieces; the helper c and b's last piece.
    const claims = Int32Array.from([1, 1, 1, 1, 1, 2, 2, 2, 2]);
    const main = threadView(shared);
    const helper = threadView(shared);
    releaseOthers(main, pieces, claims, 'main');
    releaseOthers(helper, pieces, claims, 'helper');
    expect(main.buffers.map(Boolean)).toEqual([true, true, false]);
    expect(helper.buffers.map(Boolean)).toEqual([false, true, true]);
    // Unclaimed pieces between them: nothing beyond them is given up.
    const early = threadView(shared);
    releaseOthers(early, pieces, Int32Array.from([1, 0, 0, 0, 0, 0, 0, 2, 2]), 'main');
    expect(early.buffers.map(Boolean)).toEqual([true, true, true]);
  });
});
