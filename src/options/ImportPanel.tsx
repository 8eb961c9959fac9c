import type { RebuildProgress, RebuildReport } from '../db/library';

export interface ImportPanelProps {
  busy: boolean;
  progress: RebuildProgress | null;
  report: RebuildReport | null;
  failure: string | null;
  onFiles: (files: File[]) => void;
}

const STAGES: Record<RebuildProgress['stage'], string> = {
  reading: 'Reading',
  compiling: 'Merging and compiling',
  saving: 'Saving',
};

/** The file import: choose files, watch progress, read what became of each file. */
export function ImportPanel({ busy, progress, report, failure, onFiles }: ImportPanelProps) {
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import list files</h2>
      <p class="muted">
        OFAC legacy CSV (sdn.csv, alt.csv, add.csv, sdn_comments.csv, cons_*.csv), UN consolidated XML, UK HM Treasury CSV,
        Canada SEMA XML, Australia DFAT XLSX, OpenSanctions targets.simple.csv, SIPRI trade register and TIV tables (CSV), SIPRI
        military expenditure (XLSX). Files are read here, in your browser; the new data replaces the old only once it is complete.
      </p>
      <label>
        Files: <input type="file" multiple disabled={busy} onChange={(e) => onFiles([...(e.currentTarget.files ?? [])])} />
      </label>
      {busy && progress && (
        <div role="status" aria-live="polite">
          <p>
            {STAGES[progress.stage]}
            {progress.file ? ` ${progress.file}` : ''}…
          </p>
          <progress max={1} value={progress.fraction} aria-label="Import progress" />
        </div>
      )}
      {failure && (
        <p class="error" role="alert">
          Import failed: {failure}. The data in use has not changed.
        </p>
      )}
      {report && !busy && (
        <div role="status" data-import="done">
          <p class={report.meta ? 'ok' : 'error'}>
            {report.meta
              ? `Import done: ${report.entities.toLocaleString('en')} entities, ${report.names.toLocaleString('en')} names.`
              : 'Nothing could be imported; the data in use has not changed.'}
          </p>
          <ul class="files">
            {report.files.map((file) => (
              <li key={file.file} class={file.ok ? '' : 'error'} data-file={file.file}>
                {file.ok
                  ? `${file.file}: ${file.format}${file.records !== undefined ? `, ${file.records.toLocaleString('en')} records` : ''}${file.warnings.length > 0 ? ` (${file.warnings.length} warnings)` : ''}`
                  : (file.error?.message ?? `${file.file}: could not be read`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
