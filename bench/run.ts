// `npm run bench`: prints the engine's and the browser game's figures. Nothing here fails a build;
// the targets are printed next to the figures for a person to read.
import { engineBench } from './engine-bench';

await engineBench();
const browser = await import('./browser-bench').catch(() => null);
if (browser) await browser.browserBench();
else console.log('== Browser ==\n(browser bench not present)');
