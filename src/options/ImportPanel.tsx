import type { RebuildProgress, RebuildReport } from '../db/library';
import { FORMAT_MESSAGES, isFormatId } from '../sources/formats';
import type { FileReport } from '../sources/read-sources';
import { useT, type MessageKey, type Translate } from '../ui/i18n';
import { problemText } from './problem-text';

/** How many warnings of a file the report lists; the count says how many there are in all. */
const WARNINGS_SHOWN = 5;

export interface ImportPanelProps {
  busy: boolean;
  progress: RebuildProgress | null;
  report: RebuildReport | null;
  failure: string | null;
  onFiles: (files: File[]) => void;
}

const STAGES: Record<RebuildProgress['stage'], MessageKey> = {
  reading: 'importReading',
  compiling: 'importCompiling',
  saving: 'importSaving',
};

/** The format a file was read as, worded from its id; the English name for a report without one. */
function formatName(t: Translate, file: FileReport): string {
  return isFormatId(file.formatId) ? t(FORMAT_MESSAGES[file.formatId]) : (file.format ?? '');
}

/** The file import: choose files, watch progress, read what became of each file. */
export function ImportPanel({ busy, progress, report, failure, onFiles }: ImportPanelProps) {
  const t = useT();
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p class="muted">{t('importFormats')}</p>
      <label>
        {t('importFiles')} <input type="file" multiple disabled={busy} onChange={(e) => onFiles([...(e.currentTarget.files ?? [])])} />
      </label>
      {busy && progress && (
        <div role="status" aria-live="polite">
          <p>
            {t(STAGES[progress.stage])}
            {progress.file ? ` ${progress.file}` : ''}…
          </p>
          <progress max={1} value={progress.fraction} aria-label={t('importProgress')} />
        </div>
      )}
      {failure && (
        <p class="error" role="alert">
          {t('importFailed', failure)}
        </p>
      )}
      {report && !busy && (
        <div role="status" data-import="done">
          <p class={report.meta ? 'ok' : 'error'}>
            {report.meta
              ? t('importDone', report.entities.toLocaleString('en'), report.names.toLocaleString('en'))
              : t('importNothing')}
          </p>
          <ul class="files">
            {report.files.map((file) => (
              <li key={file.file} class={file.ok ? '' : 'error'} data-file={file.file}>
                {file.ok
                  ? `${t('importFileFormat', file.file, formatName(t, file))}${file.records !== undefined ? `, ${t('importFileRecords', file.records.toLocaleString('en'))}` : ''}${file.warnings.length > 0 ? ` ${t('importFileWarnings', file.warnings.length)}` : ''}`
                  : (file.error ? problemText(t, file.error) : '') || t('importFileUnreadable', file.file)}
                {file.warnings.length > 0 && (
                  <details class="warnings">
                    <summary>{t('importWarningsShown', Math.min(file.warnings.length, WARNINGS_SHOWN))}</summary>
                    <ul>
                      {file.warnings.slice(0, WARNINGS_SHOWN).map((warning, i) => (
                        <li key={i}>{problemText(t, warning)}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
