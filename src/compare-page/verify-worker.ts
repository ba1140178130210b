// A Web Worker that verifies logs off the page's main thread: each replays a whole game.
import { classifyText, type Entry } from '../compare/classify';

export interface VerifyRequest {
  id: number;
  name: string;
  text: string;
}
export interface VerifyReply {
  id: number;
  entries: Entry[];
}

self.onmessage = (event: MessageEvent<VerifyRequest[]>) => {
  for (const { id, name, text } of event.data) {
    const reply: VerifyReply = { id, entries: classifyText(text, name) };
    self.postMessage(reply);
  }
};
