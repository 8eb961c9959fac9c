import { formatTiv, formatYears } from './format';
import { useT } from './i18n';

export interface SparklineProps {
  /** TIV per year, millions, oldest first. */
  byYear: ReadonlyArray<{ year: number; imports: number; exports: number }>;
  /** The years the card's figures are for; drawn shaded. */
  window: { from: number; to: number };
}

const WIDTH = 300;
const HEIGHT = 44;
const PAD = 3;

/**
 * Imports and exports by year as two small lines (SVG, sized in px so the page's fonts and zoom
 * rules do not reach it). The picture is for the eye; its text alternative gives the figures.
 */
export function Sparkline({ byYear, window }: SparklineProps) {
  const t = useT();
  if (byYear.length < 2) return null;
  const max = Math.max(1, ...byYear.flatMap((y) => [y.imports, y.exports]));
  const first = byYear[0]!.year;
  const last = byYear[byYear.length - 1]!.year;
  const x = (year: number): number => PAD + ((year - first) / Math.max(1, last - first)) * (WIDTH - 2 * PAD);
  const y = (tiv: number): number => HEIGHT - PAD - (tiv / max) * (HEIGHT - 2 * PAD);
  const line = (key: 'imports' | 'exports'): string => byYear.map((d) => `${x(d.year).toFixed(1)},${y(d[key]).toFixed(1)}`).join(' ');
  const hasExports = byYear.some((d) => d.exports > 0);
  const hasImports = byYear.some((d) => d.imports > 0);
  const label =
    `${t('sparklineLabel', formatYears({ from: first, to: last }))} ` +
    byYear.map((d) => t('sparklineYear', d.year, formatTiv(d.imports), formatTiv(d.exports))).join('; ') +
    '.';
  return (
    <figure class="sparkline">
      <svg role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
        <rect class="window" x={x(window.from) - 2} y={0} width={x(window.to) - x(window.from) + 4} height={HEIGHT} />
        {hasImports && <polyline class="imports" points={line('imports')} />}
        {hasExports && <polyline class="exports" points={line('exports')} />}
      </svg>
      <figcaption aria-hidden="true">
        <span>{first}</span>
        <span class="legend">
          {hasImports && <span class="key imports">{t('sparklineImports')}</span>}
          {hasExports && <span class="key exports">{t('sparklineExports')}</span>}
        </span>
        <span>{last}</span>
      </figcaption>
    </figure>
  );
}
