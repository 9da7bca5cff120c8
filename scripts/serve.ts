/**
 * A tiny static server for dist/ (e2e tests and the benchmark): directory
 * indexes, 404.html, correct types, gzip for text types as any static host
 * sends them (so measured bytes are what readers download), 127.0.0.1 only.
 * `node scripts/serve.ts dist 4391`
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4391);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};

/** Compressed bodies by file: the server lives for one test run, so the cache never goes stale. */
const gzipped = new Map<string, Buffer>();

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = await readFile(file);
    if (/gzip/.test(String(req.headers['accept-encoding'] ?? '')) && /^(text\/|application\/(json|xml)|image\/svg)/.test(type)) {
      let gz = gzipped.get(file);
      if (!gz) gzipped.set(file, (gz = gzipSync(body)));
      return void res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(gz);
    }
    res.writeHead(200, { 'content-type': type }).end(body);
  } catch {
    const body = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('not found'));
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  }
}).listen(port, '127.0.0.1', () => process.stderr.write(`serving ${root} on http://127.0.0.1:${port}/\n`));
