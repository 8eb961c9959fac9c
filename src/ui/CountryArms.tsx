import type { ArmsFacts } from '../kb/card';
import type { DirectionFigures } from '../kb/arms-flows';
import { ShareBars } from './ShareBars';
import { SipriCredit } from './SipriCredit';
import { Sparkline } from './Sparkline';
import { formatChange, formatShare, formatTiv, formatYears } from './format';
import { useT } from './i18n';

export interface CountryArmsProps {
  /** The country's name, for the sentences. */
  country: string;
  arms: ArmsFacts;
}

/**
 * A country's arms imports and exports in SIPRI's latest complete five-year window: volume,
 * rank among states, share of the world, main partners as bars, change against the window before,
 * and TIV by year as a sparkline.
 */
export function CountryArms({ country, arms }: CountryArmsProps) {
  const t = useT();
  const years = formatYears(arms.window);
  return (
    <section class="block arms" aria-label={t('armsLabel', years)}>
      <h3>{t('armsHeading', years)}</h3>
      <Direction direction="imports" partnersLabel={t('armsSuppliersLabel', country)} figures={arms.imports} previous={formatYears(arms.previousWindow)} />
      <Direction direction="exports" partnersLabel={t('armsRecipientsLabel', country)} figures={arms.exports} previous={formatYears(arms.previousWindow)} />
      <Sparkline byYear={arms.byYear} window={arms.window} />
      <SipriCredit provenance={arms.provenance} tiv />
    </section>
  );
}

interface DirectionProps {
  direction: 'imports' | 'exports';
  partnersLabel: string;
  figures: DirectionFigures;
  previous: string;
}

function Direction({ direction, partnersLabel, figures, previous }: DirectionProps) {
  const t = useT();
  if (figures.tiv <= 0 && figures.previousTiv <= 0) {
    return (
      <p class="fact" data-direction={direction}>
        {t(direction === 'imports' ? 'armsImportsNone' : 'armsExportsNone')}
      </p>
    );
  }
  return (
    <div class="direction" data-direction={direction}>
      <p class="fact">
        <strong>{t(direction === 'imports' ? 'armsImports' : 'armsExports')}</strong>: {t('tivAmount', formatTiv(figures.tiv))}
        {figures.rank !== null && ` · ${t('armsRank', figures.rank, figures.rankedStates)}`}
        {figures.shareOfWorld !== null && ` · ${t('armsWorldShare', formatShare(figures.shareOfWorld))}`}
      </p>
      <p class="fact change">
        {figures.change !== null
          ? t('armsChange', formatChange(figures.change), previous, formatTiv(figures.previousTiv))
          : t('armsNoneBefore', previous)}
      </p>
      <ShareBars partners={figures.partners} label={partnersLabel} />
    </div>
  );
}
