// A progress bar on standard error, drawn only when it is a terminal: redirected output and CI
// logs stay clean. Redraws at most every 100 ms (and always at the end).
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  onProgress: (done: number, total: number) => void;
  /** Clears the bar's line. */
  finish: () => void;
}

export function progressBar(label: string, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { onProgress: () => {}, finish: () => {} };
  let last = -Infinity;
  let drawn = false;
  return {
    onProgress(done, total) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      stream.write(`\r\x1b[2K${progressLine(label, done, total, stream.columns || 80)}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/** `label [#####.....] 40/100  40%`, fitted to the terminal's width. */
export function progressLine(label: string, done: number, total: number, columns: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const tail = ` ${done}/${total} ${String(Math.floor(share * 100)).padStart(3)}%`;
  const width = Math.max(10, Math.min(40, columns - label.length - tail.length - 4));
  const filled = Math.round(share * width);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}`;
}
