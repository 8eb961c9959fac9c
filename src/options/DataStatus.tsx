import type { KbStatus } from '../messages';
import { formatIsoDate } from '../ui/format';
import { useT } from '../ui/i18n';
import { problemText } from './problem-text';

export interface DataStatusProps {
  status: KbStatus | null;
}

/** Per list: entries and the data's own date; SIPRI tables likewise. */
export function DataStatus({ status }: DataStatusProps) {
  const t = useT();
  if (!status) return <p class="muted">{t('loading')}</p>;
  // A background of an older version sends only the English `error`.
  const loadError = status.problem ?? status.error;
  return (
    <section aria-labelledby="loaded-heading">
      <h2 id="loaded-heading">{t('dataHeading')}</h2>
      {loadError && (
        <p class="error" role="alert">
          {problemText(t, loadError)}
        </p>
      )}
      {status.lists.length === 0 && status.datasets.length === 0 ? (
        <p class="muted">{t('dataNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dataColumnList')}</th>
              <th scope="col" class="num">{t('dataColumnEntries')}</th>
              <th scope="col">{t('dataColumnDate')}</th>
            </tr>
          </thead>
          <tbody>
            {status.lists.map((list) => (
              <tr key={list.source} data-source={list.source}>
                <td>{list.list}</td>
                <td class="num">{list.entries.toLocaleString('en')}</td>
                <td>{list.dataDate ? formatIsoDate(list.dataDate, t) : t('dateUnknown')}</td>
              </tr>
            ))}
            {status.datasets.map((dataset) => (
              <tr key={dataset.title}>
                <td>{dataset.title}</td>
                <td class="num">{dataset.records.toLocaleString('en')}</td>
                <td>{dataset.dataDate ? formatIsoDate(dataset.dataDate, t) : t('dateUnknown')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status.installedAt && <p class="muted">{t('dataInstalled', formatIsoDate(status.installedAt.slice(0, 10), t))}</p>}
    </section>
  );
}
