// The SCORM 1.2 runtime an LMS puts on a window above the package's frame, found the way the
// standard's sample code finds it: up the chain of parents, then the opener's.

/** SCORM 1.2's API object: every function takes and returns strings. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

interface ApiHolder {
  API?: unknown;
  parent: ApiHolder | null;
  opener?: ApiHolder | null;
}

function isApi(value: unknown): value is Scorm12Api {
  return typeof value === 'object' && value !== null && typeof (value as Scorm12Api).LMSInitialize === 'function';
}

function searchUp(start: ApiHolder | null | undefined): Scorm12Api | null {
  let win = start;
  // The standard's sample gives up after seven levels.
  for (let depth = 0; win && depth < 8; depth += 1) {
    try {
      if (isApi(win.API)) return win.API;
    } catch {
      return null; // a frame of another origin: no API of ours there
    }
    if (!win.parent || win.parent === win) break;
    win = win.parent;
  }
  return null;
}

/** The runtime above this window, or null (opened outside an LMS). */
export function findScorm12Api(win: Window): Scorm12Api | null {
  const holder = win as unknown as ApiHolder;
  try {
    return searchUp(holder) ?? searchUp(holder.opener);
  } catch {
    return null;
  }
}
