import { useEffect, useState } from 'preact/hooks';
import type { EntityCard as EntityCardData } from '../kb/card';
import { EntityCard } from '../ui/EntityCard';
import { plural, useT } from '../ui/i18n';

/** Where a look-up stands: nothing asked yet, waiting for the background, or answered. */
export type LookupState =
  | { status: 'idle' }
  | { status: 'busy'; query: string }
  | { status: 'done'; query: string; results: EntityCardData[] };

export interface LookupPanelProps {
  state: LookupState;
  /** Text to start with (the context menu's selection). */
  initialQuery?: string;
  /** Called as the reader types (the caller debounces) and on submit. */
  onQuery: (query: string) => void;
}

/**
 * The search box: any name in the knowledge base, tolerant of spelling. Results are a short list
 * of names; the chosen one's card is shown below it (the first, until another is chosen).
 */
export function LookupPanel({ state, initialQuery = '', onQuery }: LookupPanelProps) {
  const t = useT();
  const [query, setQuery] = useState(initialQuery);
  const [chosen, setChosen] = useState(0);
  const results = state.status === 'done' ? state.results : [];
  useEffect(() => setChosen(0), [state]);
  // A look-up started elsewhere (a name in the "no record" list) shows its text in the box.
  useEffect(() => {
    if (state.status !== 'idle') setQuery((typed) => (typed.trim() === state.query ? typed : state.query));
  }, [state]);
  const card = results[chosen];
  return (
    <section class="lookup" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t('popupSearchHeading')}</h2>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onQuery(query);
        }}
      >
        <label for="lookup-query">{t('popupSearchLabel')}</label>
        <div class="search-row">
          <input
            id="lookup-query"
            name="lookup"
            type="search"
            autocomplete="off"
            spellcheck={false}
            maxLength={200}
            aria-describedby="lookup-help"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              onQuery(event.currentTarget.value);
            }}
          />
          <button type="submit">{t('popupSearchButton')}</button>
        </div>
        <p id="lookup-help" class="muted help">
          {t('popupSearchHelp')}
        </p>
      </form>
      <p class="muted" role="status" data-lookup={state.status}>
        {state.status === 'busy'
          ? t('popupSearching')
          : state.status === 'done'
            ? results.length === 0
              ? t('popupSearchNone', state.query)
              : plural(t, results.length, 'popupSearchResultsOne', 'popupSearchResultsOther')
            : ''}
      </p>
      {results.length > 1 && (
        <ul class="results">
          {results.map((result, i) => (
            <li key={result.id} data-entity={result.id}>
              <button type="button" class="result" aria-pressed={i === chosen} onClick={() => setChosen(i)}>
                {result.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {card && (
        <div class="result-card" data-entity={card.id}>
          <EntityCard card={card} titleId="lookup-card-title" />
        </div>
      )}
    </section>
  );
}
