// A plain static file server, as a department's web server or a static host would be: files by
// path under a prefix (a sub-path such as /any/sub/path/), a content type by extension, a 404
// for anything else, no rewrites and no fallback page. Content types come from the class server's
// table, the product's one list of them.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { contentType } from '../../src/class/static-files';
import { freePort } from './global-setup';

export interface StaticServer {
  /** The site's address, ending in the prefix and a slash. */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Serves `dir` at http://127.0.0.1:PORT<prefix>; `prefix` starts and ends with a slash. */
export async function serveStatic(dir: string, prefix = '/'): Promise<StaticServer> {
  const port = await freePort();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    let rel = normalize(path.slice(prefix.length));
    if (rel.startsWith('..') || rel.includes(`${sep}..`)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if (rel === '.' || rel === '' || rel.endsWith(sep)) rel = join(rel, 'index.html');
    const file = join(dir, rel);
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
