/**
 * The article body of a saved corpus page, for the labelled evaluation set: the page's headline
 * and story paragraphs, parsed with happy-dom, each element's text with white space collapsed
 * (text-blocks.ts is not used: it imports the extension's messages, which need a browser).
 * Which elements make the story is data in tests/fixtures/eval/corpus-labels.json (a selector per
 * page, chosen by reading the page), so the extraction is reproducible; navigation, related links,
 * captions and footers are left out. Blocks of fewer than four words ("Advertisement", "Caption")
 * and blocks matching the page's `skip` patterns (credits, "SEE MORE" links) are dropped.
 */
import fs from 'node:fs';
import { Window } from 'happy-dom';

/** How to find one page's story. */
export interface BodyRule {
  /** CSS selector list, in document order: the headline and the story's paragraphs. */
  body: string;
  /** Regular expressions (source text); a block matching one is not part of the story. */
  skip?: string[];
}

/** The story's blocks, in reading order. */
export async function articleBody(file: string, rule: BodyRule): Promise<string[]> {
  const window = new Window({
    url: 'https://corpus.invalid/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
  });
  const parser = new window.DOMParser();
  const doc = parser.parseFromString(fs.readFileSync(file, 'utf8'), 'text/html');
  const skip = (rule.skip ?? []).map((s) => new RegExp(s));
  const blocks: string[] = [];
  for (const element of doc.querySelectorAll(rule.body)) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.split(' ').length < 4 || skip.some((r) => r.test(text))) continue;
    blocks.push(text);
  }
  await window.happyDOM.close();
  return blocks;
}
