// A scenario file that cannot be played, its message one line per problem (file:line:col: message).
// A module of its own so that the reader of known files and the validator share it without one
// importing the other.
export class ScenarioFileError extends Error {}
