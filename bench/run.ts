// `npm run bench`: prints the engine's and the browser game's figures. Nothing here fails a build;
// the targets are printed next to the figures for a person to read.
import { engineBench } from './engine-bench';

await engineBench();
// The browser bench lands with the browser game; until then the engine figures stand alone.
const browserModule = './browser-bench.ts';
const browser = (await import(/* @vite-ignore */ browserModule).catch(() => null)) as { browserBench(): Promise<void> } | null;
if (browser) await browser.browserBench();
else console.log('== Browser ==\n(browser bench not present)');
// Comparing a class: verify and compare 100 and 1,000 logs on the command line and in the page.
const { compareBench } = await import('./compare-bench');
await compareBench();
