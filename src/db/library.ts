/**
 * Rebuilding the knowledge base from list files: new files (imported or downloaded) join the
 * stored ones, each replacing the older copy of its slot; everything is parsed and compiled; the
 * result is installed only when complete, and only then are the new files kept. A new file that
 * fails to parse is reported and the stored copy of its slot stays in use.
 */
import type { KbArtifact } from '../kb/artifact';
import { compileKnowledgeBase } from '../kb/compile';
import { detectFormat, slotOf } from '../sources/detect';
import type { Problem } from '../sources/diagnostics';
import { readSources, type FileReport, type SourceFile } from '../sources/read-sources';
import { installArtifact, readStoredFiles, storeFiles, type KbMeta, type StoredFile } from './kb-db';

export type RebuildStage = 'reading' | 'compiling' | 'saving';

export interface RebuildProgress {
  stage: RebuildStage;
  /** 0 to 1 within the whole rebuild. */
  fraction: number;
  /** The file being read, where there is one. */
  file?: string;
}

export interface RebuildReport {
  /** What happened to each new file. */
  files: FileReport[];
  /** The installed knowledge base's meta, or null when nothing could be built (the old one stays). */
  meta: KbMeta | null;
  entities: number;
  names: number;
  /** Reasons the `vet` option gave for not installing, by whatever key it chose (nothing was installed). */
  refused?: Record<string, Problem>;
}

/** Options for `rebuildWith`. */
export interface RebuildOptions {
  /**
   * Looks at the compiled result before it is installed; any reason it returns stops the install
   * (the last good knowledge base stays). Scheduled updates use it to refuse a list that shrank.
   */
  vet?: (candidate: { lists: KbArtifact['lists']; files: FileReport[] }) => Record<string, Problem>;
}

/**
 * Adds `incoming` to the stored files and rebuilds. Never throws for bad input: a file that
 * cannot be read comes back in the report with its error.
 */
export async function rebuildWith(
  incoming: readonly SourceFile[],
  onProgress?: (progress: RebuildProgress) => void,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const stored = await readStoredFiles();
  const slotted: StoredFile[] = [];
  const unrecognised: SourceFile[] = [];
  for (const file of incoming) {
    const format = safeDetect(file);
    if (format) slotted.push({ slot: slotOf(format, file), name: file.name, bytes: file.bytes, ...(file.obtained ? { obtained: file.obtained } : {}) });
    else unrecognised.push(file);
  }
  let data = read(combine(stored, slotted), onProgress);
  const newNames = new Set(slotted.map((f) => f.name));
  const reports: FileReport[] = [
    ...data.files.filter((f) => newNames.has(f.file)),
    ...unrecognised.map((file) => readSources([file]).files[0]!),
  ];
  const failedNew = new Set(reports.filter((f) => !f.ok).map((f) => f.file));
  if (slotted.some((f) => failedNew.has(f.name))) {
    // Leave the failed files out, and let the stored copies of their slots stand in.
    slotted.splice(0, slotted.length, ...slotted.filter((f) => !failedNew.has(f.name)));
    // Nothing new survived: the knowledge base in use is already built from the stored files.
    if (slotted.length === 0) return { files: reports, meta: null, entities: 0, names: 0 };
    data = read(combine(stored, slotted), onProgress);
  }
  onProgress?.({ stage: 'compiling', fraction: 0.6 });
  const artifact = compileKnowledgeBase(data);
  if (artifact.entityIds.length === 0 && artifact.datasets.length === 0) {
    return { files: reports, meta: null, entities: 0, names: 0 };
  }
  const refused = options.vet?.({ lists: artifact.lists, files: reports }) ?? {};
  if (Object.keys(refused).length > 0) return { files: reports, meta: null, entities: 0, names: 0, refused };
  const meta = await installArtifact(artifact, (f) => onProgress?.({ stage: 'saving', fraction: 0.75 + f * 0.25 }));
  await storeFiles(slotted);
  return { files: reports, meta, entities: artifact.entityIds.length, names: artifact.index.keys.length };
}

function safeDetect(file: SourceFile): ReturnType<typeof detectFormat> {
  try {
    return detectFormat(file);
  } catch {
    return null;
  }
}

/** Stored files with the new ones in their slots. Unrecognised files go along to be reported. */
function combine(stored: readonly StoredFile[], incoming: readonly StoredFile[]): SourceFile[] {
  const bySlot = new Map(stored.map((f) => [f.slot, f]));
  for (const file of incoming) bySlot.set(file.slot, file);
  return [...bySlot.values()].map(({ name, bytes, obtained }) => ({ name, bytes, ...(obtained ? { obtained } : {}) }));
}

function read(files: SourceFile[], onProgress?: (progress: RebuildProgress) => void): ReturnType<typeof readSources> {
  return readSources(files, (done, total, current) =>
    onProgress?.({ stage: 'reading', fraction: (done / Math.max(1, total)) * 0.6, ...(current ? { file: current } : {}) }),
  );
}
