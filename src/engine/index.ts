// The engine's public surface, for the command line, the simulator and the browser game.
export * from './scenario/schema';
export * from './game/types';
export { parseScenario, formatProblem, type ScenarioProblem } from './scenario/load';
export { newGame, playTurn, dayOfTurn } from './game/game';
export { intentOptions, type IntentOption } from './game/intents';
export { allianceSteps, type AllianceStep } from './game/steps';
export { summarize, type GameSummary } from './game/summary';
export { scoreOf } from './game/indicators';
export {
  createLog,
  verifyLog,
  replayIntents,
  logText,
  firstDifferentTurn,
  type OutcomeLog,
  type VerifyResult,
} from './log/outcome-log';
export { canonicalJson } from './log/canonical';
export { ENGINE_VERSION } from './version';
export { counterfactual, firstDivergence, type DroppedIntent } from './game/counterfactual';
