/**
 * Issue 3's SIPRI check: yearly import and export totals computed from the trade register,
 * compared with SIPRI's own TIV tables. Not a speed figure: a record of how far the two agree,
 * with the method for splitting multi-year deliveries stated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareWithTivTable } from '../../src/kb/arms-comparison';
import { yearlyTotalsFromRegister } from '../../src/kb/arms-flows';
import { parseSipriTivTable } from '../../src/sources/sipri-tiv-table';
import { parseSipriTradeRegister } from '../../src/sources/sipri-trade-register';
import type { BenchSection } from './run-one';

const SIPRI = path.resolve(process.env.BACKSTORY_SHARED ?? path.join(process.cwd(), '..', 'shared'), 'data', 'sipri');
const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);

export default async function bench(): Promise<BenchSection> {
  const read = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(SIPRI, name)));
  const register = parseSipriTradeRegister('trade-register.csv', read('trade-register.csv'));
  const rows: BenchSection['rows'] = [];
  const notes: string[] = [
    `Register: ${register.deals.length} deals, data of ${register.dataDate}; TIV tables: data of the 2024 release (deliveries to 2023). The two are different database releases, so part of every difference is SIPRI's own revisions.`,
    "Method: the register gives each deal's total delivered TIV and its years of delivery, not TIV per year. Each deal's delivered TIV is split evenly over its listed delivery years (src/kb/arms-flows.ts splitDeliveredTiv). Sums over a window that holds all of a deal's delivery years are exact; single years and window edges carry the split's error.",
  ];
  for (const [direction, file] of [['imports', 'tiv-tables/importers_1950-2024.csv'], ['exports', 'tiv-tables/exporters_1950-2024.csv']] as const) {
    const table = parseSipriTivTable(file, read(file));
    const report = compareWithTivTable(yearlyTotalsFromRegister(register.deals, direction), table, { years: { from: 1950, to: 2023 } });
    const worldGaps = report.world.map((w) => Math.abs(w.relative ?? 0)).sort((a, b) => a - b);
    rows.push(
      { label: `${direction}: country-years within ±5 % (or ±0.5 TIV)`, value: `${pct(report.shareWithinTolerance)} (${report.withinTolerance} of ${report.countryYears})` },
      { label: `${direction}: world total per year, median / largest gap`, value: `${pct(worldGaps[Math.floor(worldGaps.length / 2)] ?? null)} / ${pct(worldGaps.at(-1) ?? null)}` },
    );
    for (const band of report.bands) {
      rows.push({ label: `${direction} ${band.from}–${band.to}: median country-year gap, world gap`, value: `${pct(band.medianAbsRelative)}, ${pct(band.worldRelative)}` });
    }
    notes.push(
      `${direction}, largest differences: ${report.largest
        .slice(0, 5)
        .map((d) => `${d.name} ${d.year} (register ${d.computed.toFixed(0)} vs table ${d.table.toFixed(0)})`)
        .join('; ')}.`,
    );
  }
  return { title: 'SIPRI: register-derived yearly totals against the TIV tables (issue 3)', rows, notes };
}
