// npm run build:scorm -- [--scenario ID|FILE] [--rules SPEC] [--seed S] [--pack P] [--out FILE.zip]
// The SCORM 1.2 package for an LMS (see docs/classroom.md and src/cli/scorm-package.ts).
import { resolve } from 'node:path';
import { scormMain } from '../src/cli/scorm-package';

process.exitCode = scormMain(process.argv.slice(2), resolve(import.meta.dirname, '..'));
