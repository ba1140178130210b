// `npm run bench`: prints the engine's, the browser game's and the class comparison's figures.
// Nothing here fails a build; the targets are printed next to the figures for a person to read.
import { engineBench } from './engine-bench';
import { browserBench } from './browser-bench';
import { compareBench } from './compare-bench';
import { verifyBench } from './verify-bench';
import { classBench } from './class-bench';
import { printSpeedGoals } from './speed-goals';

await engineBench();
await browserBench();
await compareBench();
await verifyBench();
await classBench();
printSpeedGoals(); // verify ÷ batch and one worker ÷ two, side by side
