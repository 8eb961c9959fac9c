import { describe, expect, it } from 'vitest';
import type { Authority } from '../../../src/kb/model';
import { programmeName, programmesAimedAt } from '../../../src/kb/programmes';

/**
 * Programme codes as the lists in ../shared/data write them (every distinct code of the Nov 2026
 * files, by authority): each must come out in words, not as its bare code.
 */
const CODES_IN_DATA: Record<string, string[]> = {
  'US-OFAC': [
    '561-Related', 'BALKANS', 'BALKANS-EO14033', 'BELARUS', 'BELARUS-EO14038', 'BPI-RUSSIA-EO14024', 'BURMA-EO14014',
    'CAATSA - IRAN', 'CAATSA - RUSSIA', 'CAR', 'CMIC-EO13959', 'CUBA', 'CYBER2', 'DARFUR', 'DPRK', 'DPRK-NKSPEA', 'DPRK2',
    'DPRK3', 'DPRK4', 'DRCONGO', 'ELECTION-EO13848', 'ETHIOPIA-EO14046', 'FTO', 'GLOMAG', 'HIFPAA', 'HK-EO13936',
    'HOSTAGES-EO14078', 'HRIT-IR', 'HRIT-SY', 'IFCA', 'IFSR', 'ILLICIT-DRUGS-EO14059', 'IRAN', 'IRAN-CON-ARMS-EO',
    'IRAN-EO13846', 'IRAN-EO13871', 'IRAN-EO13876', 'IRAN-EO13902', 'IRAN-HR', 'IRAN-TRA', 'IRAQ2', 'IRAQ3', 'IRGC', 'ISA',
    'LEBANON', 'LIBYA2', 'LIBYA3', 'MAGNIT', 'MALI-EO13882', 'NICARAGUA', 'NICARAGUA-NHRAA', 'NPWMD', 'NS-PLC',
    'PEESA-EO14039', 'RUSSIA-EO14024', 'RUSSIA-EO14065', 'SDGT', 'SDNT', 'SDNTK', 'SOMALIA', 'SOUTH SUDAN', 'SSIDES',
    'SUDAN-EO14098', 'SYRIA', 'SYRIA-CAESAR', 'SYRIA-EO13894', 'TCO', 'UHRPA', 'UKRAINE-EO13660', 'UKRAINE-EO13661',
    'UKRAINE-EO13662', 'UKRAINE-EO13685', 'VENEZUELA', 'VENEZUELA-EO13850', 'VENEZUELA-EO13884', 'WEST-BANK-EO14115', 'YEMEN',
  ],
  UN: ['Al-Qaida', 'CAR', 'DPRK', 'DRC', 'GB', 'Haiti', 'Iran', 'Iraq', 'Libya', 'Somalia', 'SouthSudan', 'Sudan', 'Taliban', 'Yemen'],
  OpenSanctions: ['UA-WS-ATHLETES', 'UA-WS-EXECUTIVES', 'UA-WS-KIDNAPPERS', 'UA-WS-MARE', 'UA-WS-MILIND', 'UA-WS-PROPAGANDISTS', 'UA-WS-STEALERS', 'UA-WS-UAVS'],
  AU: ['1267/1989/2253 (ISIL (Da\'esh) and Al-Qaida)', '1373 (2001)', '1718 (DPRK)', 'Autonomous (Russia)', 'Autonomous (Thematic - Human Rights)', 'Autonomous (Thematic – Corruption)'],
};

describe('programmeName', () => {
  it('names every programme code the loaded lists use in words', () => {
    for (const [authority, codes] of Object.entries(CODES_IN_DATA)) {
      for (const code of codes) {
        const name = programmeName(authority as Authority, code);
        expect(name.code, `${authority} ${code}`).toBe(code);
        expect(name.title, `${authority} ${code}`).not.toBe(code);
      }
    }
  });

  it('writes the codes news readers meet as the programmes they are', () => {
    expect(programmeName('US-OFAC', 'GLOMAG').title).toMatch(/^Global Magnitsky/);
    expect(programmeName('US-OFAC', 'BURMA-EO14014')).toEqual({ title: 'Burma (EO 14014)', code: 'BURMA-EO14014', country: 'MM' });
    expect(programmeName('US-OFAC', 'SDGT').title).toBe('Specially Designated Global Terrorist');
    expect(programmeName('US-OFAC', 'RUSSIA-EO14024').country).toBe('RU');
    expect(programmeName('UN', 'DPRK').title).toBe('North Korea (resolution 1718)');
    expect(programmeName('UN', 'Taliban').country).toBe('AF');
  });

  it('reads the same code differently per authority', () => {
    expect(programmeName('UN', 'CAR').title).toContain('resolution 2127');
    expect(programmeName('US-OFAC', 'CAR').title).toBe('Central African Republic');
  });

  it('reads Australian regimes: UN resolutions, autonomous country regimes and thematic ones', () => {
    expect(programmeName('AU', '1718 (DPRK)')).toEqual({ title: 'DPRK (UN Security Council resolution 1718)', code: '1718 (DPRK)', country: 'KP' });
    expect(programmeName('AU', '1373 (2001)').title).toBe('UN Security Council resolution 1373 (2001)');
    expect(programmeName('AU', 'Autonomous (Myanmar)')).toMatchObject({ title: 'Australian autonomous sanctions: Myanmar', country: 'MM' });
    expect(programmeName('AU', 'Autonomous (Thematic - Cyber)').country).toBeUndefined();
  });

  it('falls back to the code itself for a code it does not know, never a guess', () => {
    expect(programmeName('US-OFAC', 'NEW-EO99999')).toEqual({ title: 'NEW-EO99999', code: 'NEW-EO99999' });
    expect(programmeName('EU', 'Belarus')).toEqual({ title: 'Belarus', code: 'Belarus' });
    expect(programmeName('AU', 'Something else')).toEqual({ title: 'Something else', code: 'Something else' });
  });
});

describe('programmesAimedAt', () => {
  it('keeps the country programmes aimed at one country, once each', () => {
    const listings = [
      { authority: 'US-OFAC' as const, programmes: ['GLOMAG', 'BURMA-EO14014'] },
      { authority: 'US-OFAC' as const, programmes: ['BURMA-EO14014'] },
      { authority: 'CA' as const, programmes: ['Burma'] },
      { authority: 'UK' as const, programmes: ['Syria'] },
    ];
    expect(programmesAimedAt('MM', listings).map((p) => p.code)).toEqual(['BURMA-EO14014', 'Burma']);
  });
});


