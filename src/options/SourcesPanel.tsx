/**
 * The options page's list of downloadable sources: turn each on or off (asking for its host
 * permission on the click itself, as Chrome requires a user gesture), an "Advanced" mirror
 * address, and per source the last update, the data's date, entries, the last error, the next
 * try, and "Refresh now" with the bytes received.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import { ask, type SourcesReply, type SourceView } from '../messages';
import { isValidMirror, originsFor, permissionOrigins, sourceById } from '../sources/registry';
import { formatIsoDate, formatRelativeTime } from '../ui/format';
import { useT, type MessageKey } from '../ui/i18n';
import { problemText } from './problem-text';

function stateOf(source: SourceView, updating: boolean): string {
  if (!source.downloadable) return 'import-only';
  if (!source.enabled) return 'off';
  if (source.status.progress || (updating && !source.status.lastSuccessAt && !source.status.lastError)) return 'updating';
  if (source.status.lastError) return 'error';
  return source.status.lastSuccessAt ? 'ok' : 'pending';
}

/** Asks for the hosts a source needs; must run inside the click handler (user gesture). */
function requestHosts(id: string, mirror: string | undefined): Promise<boolean> {
  const source = sourceById(id);
  if (!source) return Promise.resolve(false);
  return browser.permissions.request({ origins: permissionOrigins(source, mirror) }).catch(() => false);
}

function SourceRow({ source, updating, now, onChange }: { source: SourceView; updating: boolean; now: number; onChange: (reply: SourcesReply) => void }) {
  const [mirror, setMirror] = useState(source.mirror ?? '');
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const { status } = source;

  const toggle = (on: boolean): void => {
    setProblem(null);
    // The permission request comes first, still inside the click (Chrome needs the gesture).
    const asked = on ? requestHosts(source.id, source.mirror) : Promise.resolve(true);
    void asked.then(async (granted) => {
      if (!granted) {
        setProblem(t('sourcesNeedsAccess', source.origins.join(', ')));
        return;
      }
      onChange(await ask('setSource', { id: source.id, enabled: on, mirror: source.mirror ?? null }));
    });
  };

  const saveMirror = (event: Event): void => {
    event.preventDefault();
    const value = mirror.trim();
    if (value !== '' && !isValidMirror(value)) {
      setProblem(t('sourcesMirrorInvalid'));
      return;
    }
    setProblem(null);
    const spec = sourceById(source.id);
    const origins = value && spec ? originsFor(spec, value) : [];
    const asked = origins.length > 0 ? browser.permissions.request({ origins }).catch(() => false) : Promise.resolve(true);
    void asked.then(async (granted) => {
      if (!granted) {
        setProblem(t('sourcesMirrorNeedsAccess', origins.join(', ')));
        return;
      }
      onChange(await ask('setSource', { id: source.id, enabled: source.enabled, mirror: value === '' ? null : value }));
    });
  };

  return (
    <li class="source" data-source-id={source.id} data-state={stateOf(source, updating)}>
      <div class="source-head">
        {source.downloadable ? (
          <label class="switch">
            <input type="checkbox" name={`source-${source.id}`} checked={source.enabled} onChange={(e) => toggle(e.currentTarget.checked)} />
            <strong>{source.title}</strong>
          </label>
        ) : (
          <strong>{source.title}</strong>
        )}{' '}
        <span class="muted">
          · {source.authority} · <a href={source.page} target="_blank" rel="noreferrer">{t('sourcesPublisherPage')}</a>
        </span>
      </div>
      {source.noteKey && <p class="muted">{t(source.noteKey as MessageKey)}</p>}
      {problem && <p class="error" role="alert">{problem}</p>}
      {source.downloadable && (
        <dl class="source-status">
          <dt>{t('sourcesLastUpdate')}</dt>
          <dd class="last-update">{status.lastSuccessAt ? formatRelativeTime(status.lastSuccessAt, now, t) : t('sourcesNever')}</dd>
          <dt>{t('dataColumnDate')}</dt>
          <dd class="data-date">{source.dataDate ? formatIsoDate(source.dataDate, t) : t('dateUnknown')}</dd>
          <dt>{t('dataColumnEntries')}</dt>
          <dd class="entries">{source.entries === null ? '—' : source.entries.toLocaleString('en')}</dd>
          {status.lastError && (
            <>
              <dt>{t('sourcesLastError')}</dt>
              <dd class="last-error error">
                {problemText(t, status.lastProblem ? { ...status.lastProblem, message: status.lastError } : status.lastError)}
                {status.lastAttemptAt ? ` (${formatRelativeTime(status.lastAttemptAt, now, t)})` : ''}
              </dd>
            </>
          )}
          {source.enabled && source.nextDueAt && (
            <>
              <dt>{t(status.nextRetryAt ? 'sourcesNextTry' : 'sourcesNextUpdate')}</dt>
              <dd class="next-retry">{formatRelativeTime(source.nextDueAt, now, t)}</dd>
            </>
          )}
        </dl>
      )}
      {status.progress && (
        <p class="source-progress">
          <progress max={status.progress.total ?? undefined} value={status.progress.bytes} />{' '}
          {t('sourcesProgress', status.progress.file, (status.progress.bytes / 1_048_576).toFixed(1))}
          {status.progress.total ? ` ${t('sourcesProgressOf', (status.progress.total / 1_048_576).toFixed(1))}` : ''}
        </p>
      )}
      {source.downloadable && source.enabled && (
        <button type="button" class="refresh" disabled={updating} onClick={() => void ask('refreshNow', { id: source.id }).then(() => onChange({ sources: [], updating: true }))}>
          {t('sourcesRefresh')}
        </button>
      )}
      {source.downloadable && (
        <details class="advanced">
          <summary>{t('sourcesAdvanced')}</summary>
          <form onSubmit={saveMirror}>
            <label>
              {t('sourcesMirror')}{' '}
              <input type="url" name={`mirror-${source.id}`} value={mirror} onInput={(e) => setMirror(e.currentTarget.value)} placeholder={source.urls[0] ?? ''} />
            </label>{' '}
            <button type="submit">{t('sourcesSave')}</button>
          </form>
          <p class="muted">{t('sourcesDownloadsFrom', source.urls.join(', '))}</p>
        </details>
      )}
    </li>
  );
}

/** The sources section, kept current from the background while downloads run. */
export function SourcesPanel({ onInstalled }: { onInstalled?: () => void }) {
  const t = useT();
  const [reply, setReply] = useState<SourcesReply | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    let alive = true;
    const refresh = (): void => {
      void ask('getSources', null).then((next) => {
        if (!alive) return;
        setReply(next);
        setNow(Date.now());
      });
    };
    refresh();
    const onChanged = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'local' && ('sourceStatus' in changes || 'settings' in changes)) refresh();
      if (area === 'local' && 'sourceStatus' in changes) onInstalled?.();
    };
    browser.storage.onChanged.addListener(onChanged);
    const timer = setInterval(refresh, 5_000);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, []);

  const onChange = (next: SourcesReply): void => {
    if (next.sources.length > 0) setReply(next);
    else setReply((old) => (old ? { ...old, updating: true } : old));
  };

  return (
    <section aria-labelledby="sources-heading" data-updating={reply?.updating ? 'yes' : 'no'}>
      <h2 id="sources-heading">{t('sourcesHeading')}</h2>
      <p class="muted">{t('sourcesIntro')}</p>
      {!reply ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <button type="button" class="refresh-all" disabled={reply.updating} onClick={() => void ask('refreshNow', { id: null }).then(() => onChange({ sources: [], updating: true }))}>
            {t('sourcesRefreshAll')}
          </button>
          <ul class="sources">
            {reply.sources.map((source) => (
              <SourceRow key={source.id} source={source} updating={reply.updating} now={now} onChange={onChange} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
