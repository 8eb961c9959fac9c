import type { KbStatus } from '../messages';
import { formatIsoDate } from '../ui/format';

export interface DataStatusProps {
  status: KbStatus | null;
}

/** Per list: entries and the data's own date; SIPRI tables likewise. */
export function DataStatus({ status }: DataStatusProps) {
  if (!status) return <p class="muted">Loading…</p>;
  return (
    <section aria-labelledby="loaded-heading">
      <h2 id="loaded-heading">Loaded data</h2>
      {status.error && <p class="error" role="alert">{status.error}</p>}
      {status.lists.length === 0 && status.datasets.length === 0 ? (
        <p class="muted">No list loaded yet: only country names are marked. Import list files below.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">List or table</th>
              <th scope="col" class="num">Entries</th>
              <th scope="col">Data date</th>
            </tr>
          </thead>
          <tbody>
            {status.lists.map((list) => (
              <tr key={list.source} data-source={list.source}>
                <td>{list.list}</td>
                <td class="num">{list.entries.toLocaleString('en')}</td>
                <td>{list.dataDate ? formatIsoDate(list.dataDate) : 'unknown'}</td>
              </tr>
            ))}
            {status.datasets.map((dataset) => (
              <tr key={dataset.title}>
                <td>{dataset.title}</td>
                <td class="num">{dataset.records.toLocaleString('en')}</td>
                <td>{dataset.dataDate ? formatIsoDate(dataset.dataDate) : 'unknown'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status.installedAt && <p class="muted">Installed {formatIsoDate(status.installedAt.slice(0, 10))}.</p>}
    </section>
  );
}
