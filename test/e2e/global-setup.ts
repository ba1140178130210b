// Builds the site once into a temporary folder and serves it with `vite preview` on a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built site's folder, for tests that serve or package it themselves. */
    siteDir: string;
  }
}

const root = resolve(import.meta.dirname, '../..');
const vite = join(root, 'node_modules/vite/bin/vite.js');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function buildSite(outDir: string, extra: string[] = []): void {
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...extra], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status})`);
}

export async function startPreview(outDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [vite, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  await waitForHttp(`http://127.0.0.1:${port}/`);
  return child;
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'crisis-lab-site-'));
  buildSite(outDir);
  // A scenario file served beside the game, for assignment links that name a URL.
  mkdirSync(join(outDir, 'assigned'), { recursive: true });
  copyFileSync(join(root, 'scenarios/tutorial.yaml'), join(outDir, 'assigned/tutorial-copy.yaml'));
  const port = await freePort();
  const preview = await startPreview(outDir, port);
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  project.provide('siteDir', outDir);
  return () => {
    preview.kill();
    rmSync(outDir, { recursive: true, force: true });
  };
}
