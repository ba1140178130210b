// The class server's static files: each served with its content type (the built site's fonts
// come as .woff too), nothing outside the folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { contentType, staticHandler } from '../../src/class/static-files';

describe('the class server’s static files', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crisis-lab-static-'));
    mkdirSync(join(dir, 'site', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'site', 'class.html'), '<!doctype html>');
    writeFileSync(join(dir, 'site', 'assets', 'noto.woff'), 'font');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    server = createServer(staticHandler(join(dir, 'site'), 'class.html'));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves each file with the type of its extension', async () => {
    const page = await fetch(`${base}/class.html`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const font = await fetch(`${base}/assets/noto.woff`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff');
    expect(await font.text()).toBe('font');
  });

  it('refuses what lies outside the folder and says what is missing', async () => {
    expect((await fetch(`${base}/..%2fsecret.txt`)).status).toBe(403);
    const missing = await fetch(`${base}/assets/none.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not found.\n');
  });

  it('names a type for every kind of file a site or a SCORM package holds, and plain bytes otherwise', () => {
    expect(contentType('imsmanifest.xml')).toBe('application/xml');
    expect(contentType('assigned/case.yml')).toBe('text/yaml; charset=utf-8');
    expect(contentType('a.woff2')).toBe('font/woff2');
    expect(contentType('archive.zip')).toBe('application/octet-stream');
  });
});
