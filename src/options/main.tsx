/** Options page entry: connects the views to the background and to the import worker. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RebuildProgress, RebuildReport } from '../db/library';
import { ask, type KbStatus } from '../messages';
import { DataStatus } from './DataStatus';
import type { ImportEvent, ImportRequest } from './import-protocol';
import { ImportPanel } from './ImportPanel';
import { SettingsPanel } from './SettingsPanel';
import { localiseDocument, t } from '../i18n';
import { I18n } from '../ui/i18n';
import { SourcesPanel } from './SourcesPanel';

function App() {
  const [status, setStatus] = useState<KbStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RebuildProgress | null>(null);
  const [report, setReport] = useState<RebuildReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    void ask('getStatus', null).then(setStatus);
  }, []);

  const importFiles = (files: File[]): void => {
    if (files.length === 0) return;
    setBusy(true);
    setReport(null);
    setFailure(null);
    setProgress({ stage: 'reading', fraction: 0 });
    const worker = new Worker('import-worker.js');
    worker.addEventListener('message', (event: MessageEvent<ImportEvent>) => {
      const message = event.data;
      if (message.type === 'progress') {
        setProgress(message.progress);
        return;
      }
      worker.terminate();
      if (message.type === 'failed') {
        setFailure(message.message);
        setBusy(false);
        return;
      }
      setReport(message.report);
      // The background loads the new knowledge base before the page says "done".
      void ask('reloadKb', null)
        .then(setStatus)
        .finally(() => setBusy(false));
    });
    worker.postMessage({ files } satisfies ImportRequest);
  };

  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <DataStatus status={status} />
      <SourcesPanel onInstalled={() => void ask('getStatus', null).then(setStatus)} />
      <ImportPanel busy={busy} progress={progress} report={report} failure={failure} onFiles={importFiles} />
      <SettingsPanel />
    </>
  );
}

localiseDocument(document);
document.title = t('optionsTitle');
render(
  <I18n.Provider value={t}>
    <App />
  </I18n.Provider>,
  document.getElementById('app')!,
);
