// Reading the files an instructor gives the page: picked files, a picked folder
// (webkitdirectory) or dropped files and folders (webkitGetAsEntry, read recursively). Only
// .json, .jsonl and .ndjson files are read; any other file is listed as ignored with the reason
// (hidden files such as .DS_Store are passed over). A folder that cannot be read is named and
// the rest still comes in. Nothing is sent anywhere.
export interface InputFile {
  /** The path inside a dropped or picked folder, else the file name. */
  name: string;
  file: File;
}

const WANTED = /\.(json|jsonl|ndjson)$/i;

export function wanted(name: string): boolean {
  return WANTED.test(name);
}

/** A hidden file or a file inside a hidden folder (.git, .DS_Store): not a student's submission. */
function hidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

export function fromFileList(list: FileList | null): InputFile[] {
  const out: InputFile[] = [];
  for (const file of Array.from(list ?? [])) {
    const name = file.webkitRelativePath || file.name;
    if (!hidden(name)) out.push({ name, file });
  }
  return out;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: InputFile[], unreadable: string[]): Promise<void> {
  if (entry.name.startsWith('.')) return;
  const name = entry.fullPath.replace(/^\//, '');
  try {
    if (entry.isFile) {
      out.push({ name, file: await entryFile(entry as FileSystemFileEntry) });
      return;
    }
    if (!entry.isDirectory) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries gives at most about 100 entries a call: read until it gives none.
    for (;;) {
      const batch = await readEntries(reader);
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, out, unreadable);
    }
  } catch {
    unreadable.push(name);
  }
}

/** Files and folders from a drop, and the paths that could not be read; falls back to the
 * plain file list where entries are missing. */
export async function fromDrop(data: DataTransfer | null): Promise<{ files: InputFile[]; unreadable: string[] }> {
  if (!data) return { files: [], unreadable: [] };
  const items = Array.from(data.items ?? []);
  const entries = items.map((item) => (item.kind === 'file' && typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return { files: fromFileList(data.files), unreadable: [] };
  const out: InputFile[] = [];
  const unreadable: string[] = [];
  for (const entry of entries) await walk(entry!, out, unreadable);
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files: out, unreadable };
}
