import type { ArmsFacts } from '../kb/card';
import type { DirectionFigures } from '../kb/arms-flows';
import { ShareBars } from './ShareBars';
import { SipriCredit } from './SipriCredit';
import { Sparkline } from './Sparkline';
import { formatChange, formatShare, formatTiv, formatYears } from './format';

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
  const years = formatYears(arms.window);
  return (
    <section class="block arms" aria-label={`Arms transfers ${years}`}>
      <h3>Arms transfers, {years}</h3>
      <Direction label="Imports" partnersLabel={`Main suppliers to ${country}`} figures={arms.imports} previous={formatYears(arms.previousWindow)} />
      <Direction label="Exports" partnersLabel={`Main recipients from ${country}`} figures={arms.exports} previous={formatYears(arms.previousWindow)} />
      <Sparkline byYear={arms.byYear} window={arms.window} />
      <SipriCredit provenance={arms.provenance} tiv />
    </section>
  );
}

interface DirectionProps {
  label: 'Imports' | 'Exports';
  partnersLabel: string;
  figures: DirectionFigures;
  previous: string;
}

function Direction({ label, partnersLabel, figures, previous }: DirectionProps) {
  if (figures.tiv <= 0 && figures.previousTiv <= 0) {
    return (
      <p class="fact" data-direction={label.toLowerCase()}>
        {label}: none recorded in this window or the one before.
      </p>
    );
  }
  return (
    <div class="direction" data-direction={label.toLowerCase()}>
      <p class="fact">
        <strong>{label}</strong>: {formatTiv(figures.tiv)} TIV
        {figures.rank !== null && ` · rank ${figures.rank} of ${figures.rankedStates} states`}
        {figures.shareOfWorld !== null && ` · ${formatShare(figures.shareOfWorld)} of the world total`}
      </p>
      <p class="fact change">
        {figures.change !== null
          ? `${formatChange(figures.change)} against ${previous} (${formatTiv(figures.previousTiv)} TIV)`
          : `None recorded in ${previous}`}
      </p>
      <ShareBars partners={figures.partners} label={partnersLabel} />
    </div>
  );
}
