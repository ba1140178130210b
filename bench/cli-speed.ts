// The command line's two speed goals alone, side by side in one run (`npx tsx bench/cli-speed.ts`):
// verify of 1,000 logs against batch playing the same games, then one worker against two at
// 1,000, 5,000 and 20,000 games. `npm run bench` prints the same two lines at its end.
import { STARTERS, batchBench } from './batch-bench';
import { printSpeedGoals } from './speed-goals';
import { verifyBench } from './verify-bench';

await verifyBench();
await batchBench(STARTERS);
printSpeedGoals();
