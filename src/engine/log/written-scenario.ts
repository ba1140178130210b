// A scenario's canonical text, its UTF-8 bytes and its SHA-256, written once: every log of a
// batch embeds the same scenario, and writing and hashing it again for each log cost more than
// playing the game. A verifier keeps the same for each scenario it has validated, to find it in a
// log's bytes.
import type { Scenario } from '../scenario/schema';
import { canonicalJson, sha256Pieces } from './canonical';

export interface WrittenScenario {
  /** The object written: a log's game must embed this very object for the text to be its. */
  scenario: Scenario;
  text: string;
  bytes: Uint8Array;
  sha256: string;
}

const encoder = new TextEncoder();

export function writeScenario(scenario: Scenario): WrittenScenario {
  return fromText(scenario, canonicalJson(scenario));
}

/** The same, for a text already known to be the scenario's canonical form. */
export function fromText(scenario: Scenario, text: string): WrittenScenario {
  const bytes = encoder.encode(text);
  return { scenario, text, bytes, sha256: sha256Pieces([bytes]) };
}
