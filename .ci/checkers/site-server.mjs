// Shared by the browser checkers (axe.mjs, search.mjs): Debian's Chromium with the flags this
// closed network needs, and a small static server for a built site under its base path.

import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const HOST = '127.0.0.1';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
};

export async function isFile(p) {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

export async function isDir(p) {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

// The path the site is built to be served under ('/' or e.g. '/gka/'), read
// from robots.txt's Sitemap line or else index.html's canonical link.
export async function sitePath(root) {
  const read = (f) => fs.readFile(path.join(root, f), 'utf8').catch(() => '');
  const robots = (await read('robots.txt')).match(/^Sitemap:\s*(\S+)\s*$/im);
  const canonical = (await read('index.html')).match(/<link\s+rel="canonical"\s+href="([^"]+)"/i);
  try {
    if (robots) return new URL('./', robots[1]).pathname;
    if (canonical) return new URL('./', canonical[1].replace(/&amp;/g, '&')).pathname;
  } catch {
    // not a URL: serve at /
  }
  return '/';
}

// A tiny static file server for the site under `mount` ('/' or '/gka/'):
// /x/ → x/index.html, /x → 301 /x/ for folders, correct content types.
export function startServer(root, mount) {
  const server = createServer(async (req, res) => {
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, `http://${HOST}`).pathname);
    } catch {
      return send(400, 'text/plain; charset=utf-8', 'bad request\n');
    }
    if (!urlPath.startsWith(mount)) {
      return send(404, 'text/plain; charset=utf-8', `not found: the site is served under ${mount}\n`);
    }
    let file = path.resolve(root, `./${urlPath.slice(mount.length)}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      return send(403, 'text/plain; charset=utf-8', 'forbidden\n');
    }
    if (await isDir(file)) {
      if (!urlPath.endsWith('/')) {
        return send(301, 'text/plain; charset=utf-8', 'moved\n', { Location: `${urlPath}/` });
      }
      file = path.join(file, 'index.html');
    }
    if (!(await isFile(file))) {
      const notFound = path.join(root, '404.html');
      if (await isFile(notFound)) {
        res.writeHead(404, { 'Content-Type': CONTENT_TYPES['.html'], 'Cache-Control': 'no-store' });
        return req.method === 'HEAD' ? res.end() : createReadStream(notFound).pipe(res);
      }
      return send(404, 'text/plain; charset=utf-8', 'not found\n');
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve(server));
  });
}
