// A batch worker thread: TypeScript is compiled on the fly by tsx, as in bin/crisis-lab.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker-main.ts');
