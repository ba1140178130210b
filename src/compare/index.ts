// Comparing a class: pure functions shared by `crisis-lab compare` and compare.html. No Node
// module and no DOM here; reading files is the caller's business.
export * from './stats';
export * from './classify';
export * from './aggregate';
export * from './checks';
export { firstDifferentIntents, pairLogs } from './pairs';
export * from './csv';
export * from './text';
export * from './rule-sets';
export * from './signers';
