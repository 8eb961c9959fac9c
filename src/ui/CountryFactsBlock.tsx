import { authorityLabel } from './authority';
import type { CountryFacts } from '../kb/card';
import { CountryArms } from './CountryArms';
import { useT } from './i18n';
import { MilitaryExpenditure } from './MilitaryExpenditure';
import { PairFlows } from './PairFlows';
import { Provenance } from './Provenance';

/** Programmes listed before "and N more": a country like Russia is the aim of dozens. */
const MAX_PROGRAMMES = 6;

export interface CountryFactsBlockProps {
  /** The country's common name, for sentences ("Main suppliers to Myanmar"). */
  name: string;
  country: CountryFacts;
}

/**
 * The body of a country card: what the country is, the arms flows with the other countries the
 * page names (first: that is what the article is about), its SIPRI arms figures and military
 * expenditure, and how many listed people and organisations have its nationality.
 */
export function CountryFactsBlock({ name, country }: CountryFactsBlockProps) {
  const t = useT();
  const loadedLists = { source: t('loadedListsSource') };
  return (
    <>
      <section class="block about">
        <p class="fact" dir="auto">
          {country.official}
          {country.capitals.length > 0 && ` · ${t('countryCapital', country.capitals.join(', '))}`}
          {country.region && ` · ${country.region}`}
        </p>
        <Provenance provenance={country.provenance} />
      </section>
      {country.flows && country.flows.length > 0 && <PairFlows flows={country.flows} />}
      {country.arms && <CountryArms country={name} arms={country.arms} />}
      {country.milex && <MilitaryExpenditure milex={country.milex} />}
      {country.programmes && country.programmes.length > 0 && (
        <section class="block programmes-aimed" aria-label={t('countryProgrammesHeading', name)}>
          <h3>{t('countryProgrammesHeading', name)}</h3>
          <ul class="programmes">
            {country.programmes.slice(0, MAX_PROGRAMMES).map((programme) => (
              <li key={`${programme.authority}|${programme.code}`}>
                {programme.title} <span class="code">({authorityLabel(programme.authority, t)}; {t('countryProgrammeListed', programme.entities.toLocaleString('en'))})</span>
              </li>
            ))}
          </ul>
          {country.programmes.length > MAX_PROGRAMMES && <p class="fact">{t('countryProgrammesMore', country.programmes.length - MAX_PROGRAMMES)}</p>}
          <Provenance provenance={loadedLists} />
        </section>
      )}
      {country.listedNationals !== undefined && country.listedNationals > 0 && (
        <section class="block nationals">
          <p class="fact">
            <strong>{country.listedNationals.toLocaleString('en')}</strong> {t('countryListedNationals', name)}
          </p>
          <Provenance provenance={loadedLists} />
        </section>
      )}
    </>
  );
}
