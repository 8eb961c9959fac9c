import { describe, expect, it } from 'vitest';
import type { EntryName } from '../../../src/kb/model';
import { nameForms, writtenForms } from '../../../src/kb/name-variants';

const name = (full: string, parts?: EntryName['parts']): EntryName => ({ full, type: 'primary', strength: 'strong', ...(parts ? { parts } : {}) });
const forms = (n: EntryName, kind: 'person' | 'organisation' = 'person', nat: string[] = []): string[] => nameForms(n, kind, nat).map((f) => `${f.text}:${f.use}`);

describe('nameForms (person)', () => {
  it('reads list order "LAST, First" as news order, in news case', () => {
    expect(writtenForms(name('HLAING, Min Aung'), 'person')).toEqual(['Min Aung Hlaing']);
  });

  it('leaves out an East Slavic patronymic as news does', () => {
    expect(writtenForms(name('FOMIN, Aleksandr Vasilyevich'), 'person')).toContain('Aleksandr Fomin');
  });

  it('drops a leading rank or honorific', () => {
    expect(writtenForms(name('Senior General Min Aung Hlaing'), 'person', ['MM'])).toEqual(['Min Aung Hlaing']);
    expect(writtenForms(name('Sheikh Tamim bin Hamad'), 'person')).toContain('Tamim bin Hamad');
  });

  it('keeps Arabic articles lower case and adds the form without them', () => {
    expect(writtenForms(name('AL-ASSAD, Bashar'), 'person')).toEqual(['Bashar al-Assad', 'Bashar Assad']);
  });

  it('adds family-first order for Korean and Chinese names', () => {
    expect(writtenForms(name('KIM, Jong Un'), 'person', ['KP'])).toContain('Kim Jong Un');
    expect(writtenForms(name('KIM, Jong Un'), 'person', [])).not.toContain('Kim Jong Un');
  });

  it('gives the surname alone as a secondary form only', () => {
    expect(forms(name('AL-ASSAD, Bashar'))).toEqual(expect.arrayContaining(['al-Assad:secondary', 'Assad:secondary']));
    expect(forms(name('HLAING, Min Aung'), 'person', ['MM'])).toContain('Hlaing:secondary');
    expect(forms(name('Min Aung Hlaing'), 'person', ['MM']).filter((f) => f.endsWith(':secondary'))).toEqual([]);
  });

  it('title-cases a name the list writes in lower case, so it still needs capitals in text', () => {
    expect(writtenForms(name('blade runner'), 'person')).toEqual(['Blade Runner']);
  });
});

describe('nameForms (organisation)', () => {
  it('drops legal forms and keeps acronyms in capitals', () => {
    expect(writtenForms(name('PJSC UNITED AIRCRAFT CORPORATION'), 'organisation')).toEqual(['PJSC United Aircraft Corporation', 'United Aircraft Corporation']);
  });

  it('does not require a leading "The", and does not put it in the forms that mark', () => {
    expect(forms(name('The Islamic State of Iraq'), 'organisation')).toEqual(['Islamic State of Iraq:name']);
    // The one-word rest may not mark alone here, so the form with the article stays as well.
    expect(forms(name('The Taliban'), 'organisation')).toEqual(['Taliban:secondary', 'The Taliban:name']);
  });

  it('gives a company name without its generic corporate words as a short form', () => {
    expect(nameForms(name('Roscosmos State Corporation'), 'organisation')).toContainEqual({ text: 'Roscosmos', use: 'secondary', from: 'short' });
    expect(forms(name('Huawei Technologies CO., LTD.'), 'organisation')).toEqual(['Huawei Technologies Co., Ltd.:name', 'Huawei Technologies:name', 'Huawei:secondary']);
    expect(forms(name('HUAWEI INVESTMENT & HOLDING CO LTD'), 'organisation')).toContain('Huawei:secondary');
    // "State" alone is not a corporate word.
    expect(forms(name('ISLAMIC STATE'), 'organisation')).toEqual(['Islamic State:name']);
  });

  it('marks where a bracketed form comes from', () => {
    expect(nameForms(name('HAQQANI NETWORK (HQN)'), 'organisation')).toEqual([
      { text: 'Haqqani Network', use: 'name' },
      { text: 'HQN', use: 'secondary', from: 'parenthesis' },
    ]);
  });

  it('never lets a one-word name or acronym mark on its own', () => {
    expect(forms(name('SUKHOI'), 'organisation')).toEqual(['Sukhoi:secondary']);
    expect(forms(name('EJERCITO DE LIBERACION NACIONAL (ELN)'), 'organisation')).toEqual(['Ejercito de Liberacion Nacional:name', 'ELN:secondary']);
  });
});
