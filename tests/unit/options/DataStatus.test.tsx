// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { KbStatus } from '../../../src/messages';
import { DataStatus } from '../../../src/options/DataStatus';
import { diagnostic, english } from '../../../src/sources/diagnostics';
import { I18n, type Translate } from '../../../src/ui/i18n';
import { catalogueT } from '../../support/catalogue';
import { freshScratchPerTest } from '../../support/scratch';

const EMPTY: KbStatus = { installedAt: null, lists: [], datasets: [], names: 0, loadMs: 5 };
const REASON = 'knowledge base format version 3 is not supported (this version reads 4)';

let scratch: HTMLElement;
freshScratchPerTest((created) => (scratch = created));

function alertText(status: KbStatus, t: Translate = catalogueT): string | null {
  render(
    <I18n.Provider value={t}>
      <DataStatus status={status} />
    </I18n.Provider>,
    scratch,
  );
  return scratch.querySelector('[role=alert]')?.textContent ?? null;
}

describe('the knowledge base load error', () => {
  const problem = diagnostic('diagKbLoadFailed', REASON);
  const message = english(problem);

  it('reads in English exactly as before message ids', () => {
    expect(message).toBe(`The stored knowledge base could not be loaded: ${REASON}`);
    expect(alertText({ ...EMPTY, error: message, problem: { message, ...problem } })).toBe(message);
  });

  it('is worded through the translator, with the reason as a value', () => {
    const seen: Array<[string, unknown[]]> = [];
    const recording: Translate = (key, ...values) => {
      seen.push([key, values]);
      return catalogueT(key, ...values);
    };
    alertText({ ...EMPTY, error: message, problem: { message, ...problem } }, recording);
    expect(seen).toContainEqual(['diagKbLoadFailed', [REASON]]);
  });

  it('shows a plain English string from an older background as it is', () => {
    expect(alertText({ ...EMPTY, error: 'The stored knowledge base could not be loaded: damaged' })).toBe('The stored knowledge base could not be loaded: damaged');
  });

  it('falls back to the English when the id is unknown to the catalogue', () => {
    expect(alertText({ ...EMPTY, error: message, problem: { message, key: 'diagNoSuchMessage', values: [] } })).toBe(message);
  });

  it('is absent when the knowledge base loaded', () => {
    expect(alertText(EMPTY)).toBeNull();
  });
});
