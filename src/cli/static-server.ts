import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * A tiny static server for a built site, for printing PDFs and for browser tests: GET/HEAD
 * only, on 127.0.0.1 and a free port, files under `root` served at `base` (e.g. "/csat/"),
 * `dir/` answered with `dir/index.html`. Nothing outside `root` is ever read.
 */
export interface StaticServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** The site's root URL, origin + base, ending in "/". */
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  base?: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export const mimeType = (file: string) => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** "/csat" or "csat/" → "/csat/"; "" → "/". */
export function normalizeBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The file a request path maps to, or undefined when it is outside the base or the root. */
export function resolveRequest(root: string, base: string, urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(base)) return undefined;
  const relative = pathname.slice(base.length);
  const file = path.resolve(root, relative);
  const rootAbs = path.resolve(root);
  if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return undefined;
  return relative === '' || relative.endsWith('/') ? path.join(file, 'index.html') : file;
}

export async function startStaticServer({ root, base = '/', host = '127.0.0.1', port = 0 }: StaticServerOptions): Promise<StaticServer> {
  const prefix = normalizeBase(base);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const requestPath = req.url ?? '/';
    const file = resolveRequest(root, prefix, requestPath);
    // "/periods" → "/periods/", as static hosts do, so relative links keep working.
    if (file && !requestPath.split('?')[0].endsWith('/') && isDirectory(file)) {
      res.writeHead(301, { Location: `${requestPath.split('?')[0]}/` }).end();
      return;
    }
    if (!file || !isFile(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : 'not found\n');
      return;
    }
    const size = fs.statSync(file).size;
    res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': size, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${host}:${address.port}`;
  return {
    origin,
    url: origin + prefix,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDirectory = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
