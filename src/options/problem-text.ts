/**
 * Words a problem from a parser or a download (src/sources/diagnostics.ts) with the page's
 * translator: the diagnostic in the reader's language, the file and line around it; a problem
 * stored by an older version, or with an id this catalogue lacks, shows its English `message`.
 */
import { readProblem, wordProblem, type Problem } from '../sources/diagnostics';
import type { MessageKey, Translate } from '../ui/i18n';

export function problemText(t: Translate, problem: Problem | string): string {
  const checked = readProblem(problem);
  if (!checked) return '';
  // src/i18n.ts gives back the key itself for an id the catalogue does not have.
  return wordProblem((key, values) => {
    const text = t(key as MessageKey, ...values);
    return text === key ? null : text;
  }, checked);
}
