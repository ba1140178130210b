// Model-based tests: xstate/graph walks the statechart over a finite list of representative
// events (situations × answers × intents, turns with low and high attribution, a sitting on each
// pending proposal, the end of the crisis), keyed on the finite parts of the state. The shortest
// path to every state is replayed through the engine's interface (startAlliance / sendToAlliance,
// the snapshot through JSON at every step) beside the independent oracle
// (test/support/rule-oracle.ts): at every step the records, the posture read from the tags and
// whether the event was taken (snapshot.can) must agree. In every state met, every event is tried
// once more, so declines and refusals, which never lie on a path, are compared too. There are no
// exceptions: any disagreement fails. The bugs these walks found are pinned down one by one in
// machine-regressions.test.ts.
// (Split over two files so that the walks run in parallel.)
import { describe, it } from 'vitest';
import { expectWalkAgrees } from '../../../test/support/rule-harness';

describe('every xstate/graph path of a preset agrees with the oracle', () => {
  it('nato', { timeout: 180_000 }, () => {
    expectWalkAgrees('nato');
  });
  it('sco', { timeout: 180_000 }, () => {
    expectWalkAgrees('sco');
  });
  it('csto', { timeout: 180_000 }, () => {
    expectWalkAgrees('csto');
  });
});
