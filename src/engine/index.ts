// The engine's public surface, for the command line, the simulator and the browser game.
export * from './scenario/schema';
export * from './game/types';
export { parseScenario, formatProblem, formatProblemIn, problemMessage, type ScenarioProblem } from './scenario/load';
// From its own file, not through load.ts: a command reading a file it validated before checks the
// size without reaching the YAML library.
export { MAX_SCENARIO_BYTES } from './scenario/limits';
export { makeProblem, type Params as ProblemParams } from './scenario/problem';
export { crossCheckScenario, scenarioIssueText, type ScenarioIssue } from './scenario/cross-check';
export { decodeScenarioBytes, type DecodedText } from './scenario/text-input';
// Named here, though schema.ts passes them on too, so that a bundle using only these words
// (the batch worker) leaves out the schema and the validator library it builds on (zod, ~450 kB).
export { BUILT_IN_POLICIES, CRISIS_TYPES, EVENT_KINDS, INDICATORS, INTENTS, LANGUAGES, POSITIONS, RULE_SETS, SCENARIO_FORMAT_VERSION } from './scenario/vocabulary';
// For tooling: `crisis-lab schema` and the authoring guide's field reference (no page uses them).
export { scenarioJsonSchemaText } from './scenario/json-schema';
export { withFieldReference } from './scenario/field-reference';
export { newGame, playTurn, dayOfTurn, type GameOptions } from './game/game';
export { sittingsAt } from './game/wording';
// National moves (acting alone, de-escalating) no alliance body decides; the class server refuses them as motions.
export { NATIONAL } from './game/deliberation';
export { situationOf } from './game/events';
export { ATTRIBUTION_THRESHOLD } from './rules/guards';
// The seeded generator, for the simulator's bots and its sweep designs.
export { seedRng, type Rng } from './random/rng';
export { PARAMETERS, PARAMETER_KEYS, PACKS, PACK_IDS, DEFAULT_PACK, isPackId, packValues, type ModelParameters, type PackId, type ParameterKey, type ParameterEntry } from './model/parameters';
export { intentOptions, rulesOf, type IntentOption } from './game/intents';
export { RULEBOOK, RULE_IDS, ruleEntry, type RuleEntry, type RuleText } from './rules/rulebook';
export { FEATURES, FEATURE_KEYS, PRESETS, featureValues, incoherence, type FeatureKey, type FeatureValue } from './rules/features';
export { PRESET_IDS, type PresetId } from './rules/preset-ids';
export { resolveRuleSet, allianceState, postureOf, startAlliance, openAlliance, watchAlliance, type RuleSet, type RuleSetDefinition, type AllianceSession, type AllianceView } from './rules/rule-set';
export { procedureOf, type Procedure, type ProcedureId } from './rules/procedures';
export type { AlliancePosture, RefusalReason } from './rules/types';
export { allianceSteps, type AllianceStep } from './game/steps';
export { summarize, SUMMARY_INDICATORS, type GameSummary, type SummaryIndicator } from './game/summary';
export { scoreOf } from './game/indicators';
export {
  createLog,
  createLogText,
  createLogPieces,
  replayIntents,
  inputOf,
  logText,
  scenarioHash,
  type OutcomeLog,
} from './log/outcome-log';
export {
  verifyLog,
  verifyLogText,
  verifyLogTextAsync,
  firstDifferentTurn,
  type VerifyResult,
} from './log/verify-log';
export { writeScenario, type WrittenScenario } from './log/written-scenario';
export { verifyLogBytes } from './log/log-bytes';
export { canonicalJson, sha256Hex, sha256Pieces, pureSha256, useSha256, CanonicalError, type Sha256, type HashPieces } from './log/canonical';
export { readStrictJson } from './log/strict-json';
export { signLog, verifySignature, publicKeyOf, keyFingerprint, type LogSignature, type SignatureCheck } from './log/signature';
export { sameJson } from './log/same-json';
export { webCryptoSha256, type Sha256Async } from './log/web-sha256';
export { REFUSAL_CODES, JSON_FAULTS, type Refusal, type RefusalCode, type RefusalParams, type JsonFault } from './log/refusal';
export { ENGINE_VERSION } from './version';
export { counterfactual, firstDivergence, firstDivergentCourse, turnCourse, type DroppedIntent } from './game/counterfactual';
