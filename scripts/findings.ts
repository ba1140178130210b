// Regenerates docs/findings.md: the sensitivity sweep (`crisis-lab sweep`) at its default size,
// which is made to finish well inside ten minutes on two cores; --yes so that a busy machine,
// whose pilot overestimates, does not stop a run someone asked for by name.
//   npm run findings                     rewrite docs/findings.md
//   npm run findings -- --settings 44    any sweep option may follow
import { main } from '../src/cli/main';

process.exitCode = await main(['sweep', '--out', 'docs/findings.md', '--yes', ...process.argv.slice(2)]);
