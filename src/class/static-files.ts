// Serves the built site (dist/) to the students' browsers from the class server itself, so a
// classroom needs nothing but the instructor's laptop. Only files under the folder are served.
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Content types by file extension, for every kind of file the built site and an assigned
 * scenario folder hold (the fonts come as .woff2 and .woff, a SCORM package carries .xml). The
 * end-to-end tests' static host uses the same table, so they serve what the class server serves. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

/** The content type a file is served with, by its extension; unknown ones as plain bytes. */
export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
}

export function staticHandler(root: string | null, index: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!root) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No class page is served here.\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://class.local');
    if (url.pathname === '/') {
      res.writeHead(302, { location: `/${index}` }).end();
      return;
    }
    let path: string;
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!path.startsWith(normalize(root + sep))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(path), 'cache-control': 'no-cache' });
    createReadStream(path).pipe(res);
  };
}
