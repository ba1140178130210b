// How the page classifies a file's text: as the command line does (each log's own text read
// strictly, then verified), with the digest taken by Web Crypto where the page has it (a secure
// context) and by the engine's pure SHA-256 elsewhere; the verdicts are the same either way.
import { classifyText, classifyTextAsync, type Entry } from '../compare/classify';
import { webCryptoSha256 } from '../engine/index';

const sha256Async = webCryptoSha256();

export function classifyPageText(text: string, name: string): Promise<Entry[]> {
  return sha256Async ? classifyTextAsync(text, name, sha256Async) : Promise.resolve(classifyText(text, name));
}
