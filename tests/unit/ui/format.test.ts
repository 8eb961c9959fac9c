import { describe, expect, it } from 'vitest';
import { countryName, formatChange, formatShare, formatTiv, formatUsdMillions, formatYears } from '../../../src/ui/format';

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
    expect(formatUsdMillions(3562.5)).toBe('US$3.6 billion');
    expect(formatUsdMillions(86)).toBe('US$86 million');
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
