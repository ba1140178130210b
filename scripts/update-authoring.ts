// Rewrites the field reference in docs/authoring.md (between its marker comments) from the
// scenario schema. Run after any change to src/engine/scenario/schema.ts:
//   npx tsx scripts/update-authoring.ts          rewrite the page
//   npx tsx scripts/update-authoring.ts --check  exit 1 when the page is stale, change nothing
import { readFileSync, writeFileSync } from 'node:fs';
import { withFieldReference } from '../src/engine/index.ts';

const PAGE = 'docs/authoring.md';
const check = process.argv.includes('--check');
const before = readFileSync(PAGE, 'utf8');
const after = withFieldReference(before);
if (after === before) {
  process.stdout.write(`${PAGE}: the field reference is up to date\n`);
} else if (check) {
  process.stderr.write(`${PAGE}: the field reference is stale; run \`npx tsx scripts/update-authoring.ts\`\n`);
  process.exitCode = 1;
} else {
  writeFileSync(PAGE, after);
  process.stdout.write(`${PAGE}: field reference rewritten\n`);
}
