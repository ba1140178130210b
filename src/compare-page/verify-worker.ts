// A Web Worker that verifies logs off the page's main thread: each replays a whole game.
import type { Entry } from '../compare/classify';
import { classifyPageText } from './classify-page';

export interface VerifyRequest {
  id: number;
  name: string;
  text: string;
}
export interface VerifyReply {
  id: number;
  entries: Entry[];
}

self.onmessage = async (event: MessageEvent<VerifyRequest[]>) => {
  for (const { id, name, text } of event.data) {
    const reply: VerifyReply = { id, entries: await classifyPageText(text, name) };
    self.postMessage(reply);
  }
};
