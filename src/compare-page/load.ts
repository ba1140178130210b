// Reading the files an instructor gives the page: picked files, a picked folder
// (webkitdirectory) or dropped files and folders (webkitGetAsEntry, read recursively). Only
// .json, .jsonl and .ndjson files are read; nothing is sent anywhere.
export interface InputFile {
  /** The path inside a dropped or picked folder, else the file name. */
  name: string;
  file: File;
}

const WANTED = /\.(json|jsonl|ndjson)$/i;

export function wanted(name: string): boolean {
  return WANTED.test(name);
}

export function fromFileList(list: FileList | null): InputFile[] {
  const out: InputFile[] = [];
  for (const file of Array.from(list ?? [])) {
    const name = file.webkitRelativePath || file.name;
    if (wanted(name)) out.push({ name, file });
  }
  return out;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: InputFile[]): Promise<void> {
  if (entry.isFile) {
    if (wanted(entry.name)) out.push({ name: entry.fullPath.replace(/^\//, ''), file: await entryFile(entry as FileSystemFileEntry) });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries gives at most about 100 entries a call: read until it gives none.
  for (;;) {
    const batch = await readEntries(reader);
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}

/** Files and folders from a drop; falls back to the plain file list where entries are missing. */
export async function fromDrop(data: DataTransfer | null): Promise<InputFile[]> {
  if (!data) return [];
  const items = Array.from(data.items ?? []);
  const entries = items.map((item) => (item.kind === 'file' && typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return fromFileList(data.files);
  const out: InputFile[] = [];
  for (const entry of entries) await walk(entry!, out);
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}
