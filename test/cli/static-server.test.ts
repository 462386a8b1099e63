import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, normalizeBase, resolveRequest, startStaticServer, type StaticServer } from '../../src/cli/static-server';

describe('static server', () => {
  let root = '';
  let server: StaticServer;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'csat-static-'));
    fs.mkdirSync(path.join(root, 'periods/2026-q3'), { recursive: true });
    fs.mkdirSync(path.join(root, 'data'));
    fs.writeFileSync(path.join(root, 'index.html'), '<h1>首页</h1>');
    fs.writeFileSync(path.join(root, 'periods/2026-q3/index.html'), '<h1>Q3</h1>');
    fs.writeFileSync(path.join(root, 'data/scores.csv'), '\ufeffa,b\r\n');
    fs.writeFileSync(path.join(os.tmpdir(), 'csat-static-secret.txt'), 'secret');
    server = await startStaticServer({ root, base: '/csat/' });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 on a free port and serves under the base', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/csat/`);
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<h1>首页</h1>');
    const csv = await fetch(`${server.url}data/scores.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await csv.arrayBuffer())[0]).toBe(0xef);
  });

  it('answers a directory with its index.html and redirects the slash-less form', async () => {
    expect(await (await fetch(`${server.url}periods/2026-q3/`)).text()).toBe('<h1>Q3</h1>');
    const bare = await fetch(`${server.url}periods/2026-q3`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/csat/periods/2026-q3/');
  });

  it('gives 404 outside the base, for missing files and for paths escaping the root', async () => {
    expect((await fetch(`${server.origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${server.url}nope.html`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2fcsat-static-secret.txt`)).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('maps request paths to files without leaving the root', () => {
    expect(resolveRequest('/site', '/', '/')).toBe(path.join('/site', 'index.html'));
    expect(resolveRequest('/site', '/', '/a/b.css?v=1')).toBe(path.join('/site', 'a/b.css'));
    expect(resolveRequest('/site', '/csat/', '/other/')).toBeUndefined();
    expect(resolveRequest('/site', '/', '/../etc/passwd')).toBe(path.join('/site', 'etc/passwd'));
    expect(resolveRequest('/site', '/', '/..%2f..%2fetc/passwd')).toBeUndefined();
    expect(normalizeBase('csat')).toBe('/csat/');
    expect(normalizeBase('/')).toBe('/');
    expect(mimeType('x.SVG')).toBe('image/svg+xml');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});
