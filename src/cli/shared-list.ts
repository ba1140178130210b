// A list of work shared by the threads of one command (batch's games, compare's files): every
// thread takes the next chunk by one atomic add on a counter they all hold, so a thread that
// started late (a worker compiling the engine) or runs slower (a busy core) simply takes fewer
// chunks, and all finish together without a plan made in advance.

/** Items a thread takes at a time: small enough that threads finish together, large enough that
 * the main thread's pause between chunks (to take in the workers' results) is lost in the work. */
export const CLAIM_CHUNK = 8;

/** A counter to share with worker threads (in their workerData): it starts at the list's head. */
export function sharedCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** The start of this thread's next chunk; at or past the list's end when nothing is left. */
export function claimChunk(counter: Int32Array): number {
  return Atomics.add(counter, 0, CLAIM_CHUNK);
}
