import { describe, expect, it } from 'vitest';
import { countryName, formatChange, formatIsoDate, formatPartialDate, formatRelativeTime, formatShare, formatTiv, formatUsdMillions, formatYears } from '../../../src/ui/format';
import { catalogueT } from '../../support/catalogue';

describe('card number formats', () => {
  it('writes TIV in whole millions, with "<1" for a trace', () => {
    expect(formatTiv(376.74)).toBe('377');
    expect(formatTiv(12450.2)).toBe('12,450');
    expect(formatTiv(0.25)).toBe('<1');
    expect(formatTiv(0)).toBe('0');
  });

  it('writes shares as percentages, one decimal under 10 %', () => {
    expect(formatShare(0.49914)).toBe('50%');
    expect(formatShare(0.0049)).toBe('0.5%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
  });

  it('writes changes with their sign and a true minus', () => {
    expect(formatChange(0.12)).toBe('+12%');
    expect(formatChange(-0.3185)).toBe('−32%');
    expect(formatChange(0.001)).toBe('±0%');
  });

  it('writes military expenditure in millions or billions of US$', () => {
    expect(formatUsdMillions(3562.5, catalogueT)).toBe('US$3.6 billion');
    expect(formatUsdMillions(86, catalogueT)).toBe('US$86 million');
  });

  it('writes dates with the catalogue\'s month names', () => {
    expect(formatIsoDate('2019-12-10', catalogueT)).toBe('10 Dec 2019');
    expect(formatIsoDate('2019', catalogueT)).toBe('2019');
    expect(formatPartialDate({ kind: 'month', date: '1956-07' }, catalogueT)).toBe('Jul 1956');
    expect(formatPartialDate({ kind: 'year', year: 1960, approximate: true }, catalogueT)).toBe('c. 1960');
    expect(formatPartialDate({ kind: 'range', from: 1960, to: 1962 }, catalogueT)).toBe('1960–1962');
  });

  it('writes relative times behind and ahead', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(formatRelativeTime('2026-11-27T11:59:50Z', now, catalogueT)).toBe('just now');
    expect(formatRelativeTime('2026-11-27T12:00:10Z', now, catalogueT)).toBe('now');
    expect(formatRelativeTime('2026-11-29T12:00:00Z', now, catalogueT)).toBe('in 2 days');
  });

  it('writes windows of years with an en dash', () => {
    expect(formatYears({ from: 2021, to: 2025 })).toBe('2021–2025');
    expect(formatYears({ from: 2023, to: 2023 })).toBe('2023');
  });

  it('names countries from their ISO codes and keeps what is not a code', () => {
    expect(countryName('MM')).toMatch(/^Myanmar/);
    expect(countryName('ru')).toBe('Russia');
    expect(countryName('Burma')).toBe('Burma');
  });
});
