/**
 * Issue 5 figures: how well and how fast the matcher spots listed entities.
 * - CoNLL-2003 development set: recall of PER/ORG/LOC names the knowledge base holds, and marks
 *   that fall on no gold name (false marks);
 * - namesakes (tests/fixtures/eval/namesakes.json): people not listed who share a listed name —
 *   strong labels on them must be 0;
 * - scanning speed: NameIndex.scan over every name in the knowledge base against
 *   modern-ahocorasick over the same name keys and the same corpus text, side by side.
 * - labelled corpus pages (tests/fixtures/eval/corpus-labels.json): precision of linked marks and
 *   recall of mentions of entities in the knowledge base, on article bodies (see article-body.ts).
 * The knowledge base is compiled from ../shared/data as tools/bench/knowledge-base.bench.ts does.
 */
import fs from 'node:fs';
import path from 'node:path';
import AhoCorasick from 'modern-ahocorasick';
import { compileKnowledgeBase } from '../../src/kb/compile';
import { createCountryKnowledgeBase, loadKnowledgeBase } from '../../src/kb/knowledge-base';
import { NameIndex } from '../../src/kb/matcher';
import { nameKey, tokenize } from '../../src/kb/tokens';
import { readSources, type SourceFile } from '../../src/sources/read-sources';
import { articleBody, type BodyRule } from './article-body';
import type { BenchSection } from './run-one';

const SHARED = path.resolve(process.env.BACKSTORY_SHARED ?? path.join(process.cwd(), '..', 'shared'));
const DATA = path.join(SHARED, 'data');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'matched_2021-07' ? [] : listFiles(full);
    return e.name.endsWith('.md') ? [] : [full];
  });
}

interface Gold {
  start: number;
  end: number;
  type: string;
}

/** CoNLL documents as sentence blocks (tokens joined by spaces) with gold spans per block. */
function readConll(file: string): Array<{ blocks: string[]; gold: Gold[][] }> {
  const docs: Array<{ blocks: string[]; gold: Gold[][] }> = [];
  for (const raw of fs.readFileSync(file, 'utf8').split(/^-DOCSTART-.*$/m)) {
    const blocks: string[] = [];
    const gold: Gold[][] = [];
    for (const sentence of raw.split(/\n\s*\n/)) {
      const rows = sentence.split('\n').filter((l) => l.trim()).map((l) => l.split(' '));
      if (rows.length === 0) continue;
      let text = '';
      const spans: Gold[] = [];
      let open: Gold | null = null;
      let previous = 'O';
      for (const [token, , , tag] of rows) {
        if (text) text += ' ';
        const start = text.length;
        text += token!;
        const type = tag === 'O' ? 'O' : tag!.slice(2);
        const begins = type !== 'O' && (tag!.startsWith('B-') || previous !== type);
        if (open && (type === 'O' || begins)) open = null;
        if (begins) spans.push((open = { start, end: text.length, type }));
        else if (open) open.end = text.length;
        previous = type;
      }
      blocks.push(text);
      gold.push(spans);
    }
    if (blocks.length > 0) docs.push({ blocks, gold });
  }
  return docs;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export default async function bench(): Promise<BenchSection> {
  const files: SourceFile[] = listFiles(DATA)
    .sort()
    .map((p) => ({ name: path.relative(DATA, p), bytes: new Uint8Array(fs.readFileSync(p)) }));
  const artifact = compileKnowledgeBase(readSources(files));
  const cards = new Map(artifact.cards.map((c) => [c.id, c]));
  const { cards: _cards, ...core } = artifact;
  const kb = loadKnowledgeBase(core, async (ids) => new Map(ids.flatMap((id) => (cards.has(id) ? [[id, cards.get(id)!] as const] : []))));
  const probe = new NameIndex();
  probe.addSerialized(core.index, core.entityIds);
  const uses = core.index.uses;
  const standalone = new Set(core.index.keys.filter((_, i) => !uses || uses[i] === 0));

  // CoNLL-2003 dev: recall of names in the KB, false marks.
  const docs = readConll(path.join(SHARED, 'eval/conll2003/eng.testa'));
  let inKb = 0;
  let found = 0;
  let marks = 0;
  let falseMarks = 0;
  const falseExamples = new Map<string, number>();
  const missed = new Map<string, number>();
  const countries = createCountryKnowledgeBase();
  const isLocalName = async (name: string): Promise<boolean> => {
    const spotted = await countries.spot([{ text: name }]);
    return spotted.mentions.length === 1 && spotted.mentions[0]!.start === 0 && spotted.mentions[0]!.end === name.length;
  };
  for (const doc of docs) {
    const result = await kb.spot(doc.blocks.map((text) => ({ text })));
    const byBlock = new Map<number, typeof result.mentions>();
    for (const m of result.mentions) byBlock.set(m.block, [...(byBlock.get(m.block) ?? []), m]);
    for (const [b, spans] of doc.gold.entries()) {
      const text = doc.blocks[b]!;
      const mentions = byBlock.get(b) ?? [];
      for (const g of spans) {
        if (g.type === 'MISC') continue;
        const name = text.slice(g.start, g.end);
        if (!standalone.has(nameKey(name)) && !(await isLocalName(name))) continue;
        inKb++;
        if (mentions.some((m) => m.start < g.end && g.start < m.end)) found++;
        else missed.set(text.slice(g.start, g.end), (missed.get(text.slice(g.start, g.end)) ?? 0) + 1);
      }
      for (const m of mentions) {
        marks++;
        if (!spans.some((g) => m.start < g.end && g.start < m.end)) {
          falseMarks++;
          const t = text.slice(m.start, m.end);
          falseExamples.set(t, (falseExamples.get(t) ?? 0) + 1);
        }
      }
    }
  }

  // Namesakes.
  const namesakes = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/eval/namesakes.json'), 'utf8')) as { sentences: Array<{ name: string; text: string }> };
  let strong = 0;
  let possible = 0;
  for (const s of namesakes.sentences) {
    const result = await kb.spot([{ text: s.text }]);
    for (const m of result.mentions) {
      if (s.text.slice(m.start, m.end) !== s.name) continue;
      const tier = result.entities[m.entity]?.match?.tier;
      if (tier === 'strong') strong++;
      else if (tier === 'possible') possible++;
    }
  }

  const labelled = await measureLabelled(kb);

  // Speed: the same names, the same text (each page's paragraphs, page by page, as a page is spotted).
  const pagesDir = path.join(SHARED, 'corpus/pages');
  const pages = fs
    .readdirSync(pagesDir)
    .sort()
    .map((f) => ({ file: f, text: paragraphs(fs.readFileSync(path.join(pagesDir, f), 'utf8')) }));
  // modern-ahocorasick did not finish this page within minutes (it slows down sharply on some
  // long texts); it is scanned by NameIndex alone and reported on its own.
  const AC_STALLS = new Set(['cnn-gates-tillerson-russia.html']);
  const timed = pages.filter((p) => !AC_STALLS.has(p.file));
  const keys = [...new Set(core.index.keys)];
  const foldedPages = timed.map((p) => ` ${tokenize(p.text).map((t) => t.key).join(' ')} `);
  const ac = new AhoCorasick(keys.map((k) => ` ${k} `));
  const oursMs: number[] = [];
  const acMs: number[] = [];
  let oursHits = 0;
  let acHits = 0;
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    oursHits = 0;
    for (const p of timed) oursHits += probe.scan(p.text).length;
    oursMs.push(performance.now() - t);
    t = performance.now();
    acHits = 0;
    for (const folded of foldedPages) acHits += ac.search(folded).length;
    acMs.push(performance.now() - t);
  }
  const stalled = pages.filter((p) => AC_STALLS.has(p.file));
  const stalledStart = performance.now();
  for (const p of stalled) probe.scan(p.text);
  const stalledMs = performance.now() - stalledStart;
  const corpusChars = timed.reduce((n, p) => n + p.text.length, 0);
  const ratio = median(acMs) / median(oursMs);
  const top = (m: Map<string, number>): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `${k} (${v})`)
      .join(', ');
  return {
    title: 'Matching: recall, false marks, namesakes, scanning speed (issue 5)',
    rows: [
      { label: 'CoNLL-2003 dev: PER/ORG/LOC names the KB holds, spotted', value: `${found} / ${inKb} (${((100 * found) / inKb).toFixed(1)} %)`, goal: '≥ 95 %', met: found / inKb >= 0.95 },
      { label: 'CoNLL-2003 dev: marks on no gold name (false marks)', value: `${falseMarks} / ${marks} (${((100 * falseMarks) / marks).toFixed(1)} %)` },
      { label: `namesakes (${namesakes.sentences.length} sentences): strong labels`, value: String(strong), goal: '0', met: strong === 0 },
      { label: 'namesakes: possible labels (name only, said so)', value: String(possible) },
      ...labelled.rows,
      { label: `scan ${timed.length} corpus pages' paragraphs (${(corpusChars / 2 ** 20).toFixed(2)} MB), ${keys.length} name keys: NameIndex (median of 5, tokenizing included)`, value: `${median(oursMs).toFixed(0)} ms (${oursHits} matches)` },
      { label: 'same keys, same text (pre-folded, folding not timed): modern-ahocorasick (median of 5)', value: `${median(acMs).toFixed(0)} ms (${acHits} matches)` },
      { label: 'speed ratio (Aho–Corasick time / NameIndex time)', value: `${ratio.toFixed(1)} ×`, goal: '≥ 2 ×', met: ratio >= 2 },
    ],
    notes: [
      `CoNLL misses, most frequent: ${top(missed)}.`,
      `CoNLL false marks, most frequent: ${top(falseExamples)} (MISC spans count as names: demonyms are country mentions).`,
      'A CoNLL name counts as "in the KB" when its key is a stand-alone name form (not a surname or acronym that needs the full name first) or a country or bloc name.',
      `${[...AC_STALLS].join(', ')} (${stalled.map((p) => p.text.length).join(', ')} characters of paragraphs) is left out of the side-by-side: modern-ahocorasick did not finish it within minutes; NameIndex scanned it in ${stalledMs.toFixed(0)} ms.`,
      ...labelled.notes,
      'Aho–Corasick reports every overlapping occurrence; NameIndex reports leftmost-longest whole-word matches and checks case rules. AC gets the text already folded and space-padded, which favours it. NameIndex folds as it scans, with a memo of folded words (src/kb/tokens.ts, up to 50,000 words) that is warm after the first of the 5 runs, as it is in a background that has read earlier pages.',
    ],
  };
}


/** The text of a page's paragraphs (tags dropped, entities left): the prose a reader reads. */
function paragraphs(html: string): string {
  return [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((m) => m[1]!.replace(/<[^>]*>/g, '')).join('\n');
}

interface Label {
  text: string;
  occurrence: number;
  kind: 'person' | 'organisation' | 'country' | 'vessel';
  entity: string | string[];
}

/** Start of the n-th whole-word occurrence of `text` in `body`, or -1. */
function nthOccurrence(body: string, text: string, n: number): number {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let count = 0;
  for (const m of body.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'gu'))) if (++count === n) return m.index!;
  return -1;
}

const pct = (a: number, b: number): string => `${a} / ${b} (${b === 0 ? '–' : ((100 * a) / b).toFixed(1)} %)`;

/**
 * Precision of linked marks and recall of in-KB mentions over the labelled article bodies. Blocks
 * are spotted one at a time in page order, passing `seen` on, as the content script's batches do.
 */
async function measureLabelled(kb: ReturnType<typeof loadKnowledgeBase>): Promise<{ rows: BenchSection['rows']; notes: string[] }> {
  const file = path.join(process.cwd(), 'tests/fixtures/eval/corpus-labels.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { pages: Array<{ page: string; body: BodyRule; labels: Label[] }> };
  const isCountry = (id: string): boolean => id.startsWith('country:') || id.startsWith('bloc:');
  const tally = { country: { marks: 0, right: 0, mentions: 0, found: 0 }, listed: { marks: 0, right: 0, mentions: 0, found: 0 } };
  const tiers = { strong: 0, possible: 0, none: 0 };
  const falseListed: string[] = [];
  const falseCountry: string[] = [];
  const missedListed: string[] = [];
  const missedCountry = new Map<string, number>();
  const perPage: string[] = [];
  for (const { page, body, labels } of data.pages) {
    const blocks = await articleBody(path.join(SHARED, 'corpus/pages', `${page}.html`), body);
    const joined = blocks.join('\n');
    const spans = labels.map((l) => {
      const start = nthOccurrence(joined, l.text, l.occurrence);
      if (start < 0) throw new Error(`${page}: label "${l.text}" #${l.occurrence} not in the body`);
      return { ...l, start, end: start + l.text.length, ids: Array.isArray(l.entity) ? l.entity : [l.entity] };
    });
    const marks: Array<{ start: number; end: number; entity: string; tier?: string; text: string }> = [];
    let seen: Record<string, import('../../src/kb/card').MatchInfo> | undefined;
    let offset = 0;
    for (const text of blocks) {
      const result = await kb.spot([{ text }], { seen });
      seen = result.seen ?? seen;
      for (const m of result.mentions) marks.push({ start: offset + m.start, end: offset + m.end, entity: m.entity, tier: result.entities[m.entity]?.match?.tier, text: text.slice(m.start, m.end) });
      offset += text.length + 1;
    }
    let pageMarks = 0;
    let pageRight = 0;
    let pageMentions = 0;
    let pageFound = 0;
    for (const mark of marks) {
      const group = isCountry(mark.entity) ? tally.country : tally.listed;
      group.marks++;
      pageMarks++;
      if (!isCountry(mark.entity)) tiers[(mark.tier as 'strong' | 'possible' | undefined) ?? 'none']++;
      const label = spans.find((l) => mark.start < l.end && l.start < mark.end);
      if (label?.ids.includes(mark.entity)) {
        group.right++;
        pageRight++;
        continue;
      }
      const what = `${page}: "${mark.text}" → ${mark.entity}${mark.tier ? ` [${mark.tier}]` : ''} (label: ${label ? `${label.text} = ${label.ids.join('|')}` : 'no mention'})`;
      (isCountry(mark.entity) ? falseCountry : falseListed).push(what);
    }
    for (const label of spans) {
      if (label.ids[0] === 'none') continue;
      const group = isCountry(label.ids[0]!) ? tally.country : tally.listed;
      group.mentions++;
      pageMentions++;
      if (marks.some((m) => m.start < label.end && label.start < m.end && label.ids.includes(m.entity))) {
        group.found++;
        pageFound++;
      } else if (group === tally.listed) missedListed.push(`${page}: "${label.text}" #${label.occurrence} (${label.ids.join('|')})`);
      else missedCountry.set(`${label.text}`, (missedCountry.get(label.text) ?? 0) + 1);
    }
    perPage.push(`${page} ${labels.length} labels, marks right ${pageRight}/${pageMarks}, in-KB mentions found ${pageFound}/${pageMentions}`);
  }
  const all = { marks: tally.country.marks + tally.listed.marks, right: tally.country.right + tally.listed.right, mentions: tally.country.mentions + tally.listed.mentions, found: tally.country.found + tally.listed.found };
  const labelCount = data.pages.reduce((n, p) => n + p.labels.length, 0);
  return {
    rows: [
      { label: `labelled corpus (${data.pages.length} article bodies, ${labelCount} labelled mentions): precision of linked marks, all`, value: pct(all.right, all.marks), goal: '≥ 98 %', met: all.right / all.marks >= 0.98 },
      { label: 'labelled corpus: precision, listed persons/organisations/vessels', value: pct(tally.listed.right, tally.listed.marks), goal: '≥ 98 %', met: tally.listed.right / tally.listed.marks >= 0.98 },
      { label: 'labelled corpus: precision, countries and blocs', value: pct(tally.country.right, tally.country.marks), goal: '≥ 98 %', met: tally.country.right / tally.country.marks >= 0.98 },
      { label: 'labelled corpus: recall of mentions of entities in the KB, all', value: pct(all.found, all.mentions), goal: '≥ 95 %', met: all.found / all.mentions >= 0.95 },
      { label: 'labelled corpus: recall, listed persons/organisations/vessels', value: pct(tally.listed.found, tally.listed.mentions), goal: '≥ 95 %', met: tally.listed.found / tally.listed.mentions >= 0.95 },
      { label: 'labelled corpus: recall, countries and blocs', value: pct(tally.country.found, tally.country.mentions), goal: '≥ 95 %', met: tally.country.found / tally.country.mentions >= 0.95 },
      { label: 'labelled corpus: tiers of person/organisation marks (strong / possible / none)', value: `${tiers.strong} / ${tiers.possible} / ${tiers.none}` },
    ],
    notes: [
      `Labelled corpus, false marks of listed persons/organisations (the worst error): ${falseListed.join('; ') || 'none'}.`,
      `Labelled corpus, false country/bloc marks: ${falseCountry.join('; ') || 'none'}.`,
      `Labelled corpus, missed listed persons/organisations: ${missedListed.join('; ') || 'none'}.`,
      `Labelled corpus, missed country/bloc mentions: ${[...missedCountry].map(([k, v]) => `${k} (${v})`).join(', ') || 'none'}.`,
      `Labelled corpus, per page: ${perPage.join('; ')}.`,
      'Labels (tests/fixtures/eval/corpus-labels.json) were written by reading each body, not from the matcher\'s output, and checked page by page by a second reader (13 corrections: ids of the same entity on other lists added, labels on places such as "South China Sea" removed, a split label joined); a mark counts as right when it overlaps a labelled mention and links the labelled entity. Capitals count as their country only where they stand for the government; a mark on a place-name capital or a dateline is a false mark.',
    ],
  };
}
