/**
 * Annotation passes over parts of a page: read text blocks, ask the background which entities
 * they name, place the marks. A pass streams: blocks go to the background in batches as they are
 * read and are dropped once marked, so a page of a million words is never held as text at once
 * (BATCHES_IN_FLIGHT batches at most, and the one being read); reading
 * and marking run in short slices (scheduler.ts) so the page stays responsive.
 */
import type { EntityCard } from '../kb/card';
import type { MatchInfo } from '../kb/card';
import type { Mention, SpotResult, UnknownName } from '../kb/spot';
import { ask, MAX_BLOCKS } from '../messages';
import { MAX_MARKS_PER_PAGE } from '../page-limits';
import { placeMarks, type MarkSet } from './marks';
import type { MentionFilter } from './preferences';
import { longestSlice, startSlice, type Slice } from './scheduler';
import { readTextBlocks, type PageBlock } from './text-blocks';

declare const __TEST__: boolean;

/**
 * Characters in a pass's first spot request: small, so that the background starts on it while the
 * rest of the page is still being read (most articles fit in one or two such batches).
 */
const FIRST_BATCH_CHARS = 30_000;
/** Characters in each later request: well under the background's limit, few requests for a long page. */
const BATCH_CHARS = 100_000;
/** Batches sent and not yet marked: bounds the text a pass holds on a page of any size. */
const BATCHES_IN_FLIGHT = 3;
/** Blocks marked per step: small enough that one step stays well inside a slice. */
const MARK_STEP_BLOCKS = 20;
/** Distinct names with no record kept per page (a page of a million words must not grow it without end). */
const MAX_UNKNOWN_NAMES = 2_000;
/** Of those, the most frequent ones the popup shows. */
const MAX_UNKNOWN_SHOWN = 50;

/** Runs a DOM change so that the page observer does not mistake it for the page's own. */
export type Quietly = (change: () => void) => void;

/** An entity's mentions on the page, and how many of them carry a mark. */
export interface MentionTally {
  mentions: number;
  marked: number;
}

export interface Annotator {
  /** Marks what the text under `root` names. Resolves when done, or when the annotator is removed. */
  annotate(root: Node): Promise<void>;
  /** Card data of every entity marked so far, by id. */
  readonly cards: ReadonlyMap<string, EntityCard>;
  /**
   * Mentions per entity id still in the page (a mention split across elements counts once), with
   * those read past MAX_MARKS_PER_PAGE and left unmarked, and how many of them are marked.
   */
  counts(): Map<string, MentionTally>;
  /** Names read so far that match nothing in the loaded lists, most frequent first (only when asked for). */
  unknownNames(): UnknownName[];
  /** Forgets marks the page has dropped itself. */
  prune(): void;
  /** Stops any pass in flight and removes every mark, restoring the DOM exactly. */
  remove(): void;
}

export interface AnnotatorOptions {
  /** Runs each DOM change of ours (default: directly). */
  quietly?: Quietly;
  /** Called for each open shadow root met while reading, so it can be watched too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Drops mentions the reader's preferences do not want marked (src/content/preferences.ts). */
  keep?: MentionFilter;
  /** Also collect names that match nothing in the loaded lists (a preference, off by default). */
  unknownNames?: boolean;
}

/** Creates an annotator. */
export function createAnnotator({ quietly = (change) => change(), onShadowRoot, keep = (m) => [...m], unknownNames = false }: AnnotatorOptions = {}): Annotator {
  const cards = new Map<string, EntityCard>();
  const markSets: MarkSet[] = [];
  let removed = false;
  // Listed entities named in full so far on this page: sent with each batch so a later surname
  // ("Hlaing said") links to the person named earlier, across batches and late content.
  let seen: Record<string, MatchInfo> = {};
  // Names with no record, counted over every batch of the page (a name may recur in later ones).
  const unknown = new Map<string, number>();
  // Marks in the page, and the mentions left unmarked past MAX_MARKS_PER_PAGE, by entity.
  let marksPlaced = 0;
  const unmarked = new Map<string, number>();

  /** Places the marks of one answered batch, a few blocks per step. */
  const markBatch = async (batch: PageBlock[], reply: SpotResult, slice: Slice): Promise<void> => {
    for (const [id, card] of Object.entries(reply.entities)) cards.set(id, card);
    for (const { name, count } of reply.unknownNames ?? []) if (unknown.size < MAX_UNKNOWN_NAMES || unknown.has(name)) unknown.set(name, (unknown.get(name) ?? 0) + count);
    const byBlock = groupByBlock(keep(reply.mentions, cards));
    for (let first = 0; first < batch.length; first += MARK_STEP_BLOCKS) {
      const step: Mention[] = [];
      for (let b = first; b < Math.min(first + MARK_STEP_BLOCKS, batch.length); b++) {
        for (const m of byBlock.get(b) ?? []) step.push({ ...m, block: m.block - first });
      }
      const room = Math.max(0, MAX_MARKS_PER_PAGE - marksPlaced);
      for (const m of step.splice(room)) unmarked.set(m.entity, (unmarked.get(m.entity) ?? 0) + 1);
      if (step.length > 0) {
        const blocks = batch.slice(first, first + MARK_STEP_BLOCKS);
        quietly(() => {
          const set = placeMarks(blocks, step, (id) => cards.get(id)?.kind ?? 'country');
          markSets.push(set);
          marksPlaced += set.marks.length;
        });
      }
      if (slice.expired()) await slice.pause();
      if (removed) return;
    }
  };

  const annotate = async (root: Node): Promise<void> => {
    const slice = startSlice();
    const started = performance.now();
    const reader = readTextBlocks(root, onShadowRoot);
    let blocks = 0;
    let batches = 0;
    let carried: PageBlock | null = null;
    /** The next batch of blocks, or null when the text is read (or the annotator removed). */
    const readBatch = async (): Promise<PageBlock[] | null> => {
      const limit = batches++ === 0 ? FIRST_BATCH_CHARS : BATCH_CHARS;
      const batch: PageBlock[] = carried ? [carried] : [];
      let chars = carried?.text.length ?? 0;
      carried = null;
      for (let next = reader.next(); !next.done; next = reader.next()) {
        const block = next.value;
        if (block) {
          blocks++;
          if (batch.length >= MAX_BLOCKS || (batch.length > 0 && chars + block.text.length > limit)) {
            carried = block;
            return batch;
          }
          batch.push(block);
          chars += block.text.length;
        }
        if (removed) return null;
        if (slice.expired()) await slice.pause();
      }
      return batch.length > 0 && !removed ? batch : null;
    };
    // A pipeline: batches go to the background as soon as they are read, up to BATCHES_IN_FLIGHT
    // at once, and each is marked when its answer comes. The background answers a pass's batches
    // in order and carries their `seen` from one to the next (src/background/page-passes.ts);
    // the `seen` sent along is the page's copy, for a background that restarted mid-pass.
    const pass = newPassId();
    const inFlight: Array<{ batch: PageBlock[]; reply: Promise<SpotResult> }> = [];
    let reading = true;
    for (;;) {
      while (reading && inFlight.length < BATCHES_IN_FLIGHT) {
        const batch = await readBatch();
        if (removed) return;
        if (!batch) {
          reading = false;
          break;
        }
        const reply = ask('spot', { blocks: batch.map((b) => ({ text: b.text })), seen, pass, ...(unknownNames ? { unknownNames } : {}) });
        reply.catch(() => undefined); // awaited below; until then a failure is not unhandled
        inFlight.push({ batch, reply });
      }
      const next = inFlight.shift();
      if (!next) break;
      const reply = await slice.wait(next.reply);
      if (removed) return;
      // No answer (the background is gone): that batch stays unmarked, the rest goes on.
      if (!reply) continue;
      if (reply.seen) seen = reply.seen;
      await markBatch(next.batch, reply, slice);
      if (removed) return;
    }
    slice.finish();
    // Test seam: timings for tools/bench/content.bench.ts. The detail is a string because an
    // object from the content script's isolated world does not reach page scripts.
    if (__TEST__) {
      const ended = performance.now();
      const detail = JSON.stringify({ wallMs: ended - started, busyMs: slice.busyMs(), longestSliceMs: longestSlice(), blocks, endedAt: ended });
      document.dispatchEvent(new CustomEvent('backstory-test-pass', { detail }));
    }
  };

  return {
    annotate,
    cards,
    counts: () => {
      const counts = new Map<string, MentionTally>();
      for (const [entity, count] of unmarked) counts.set(entity, { mentions: count, marked: 0 });
      for (const set of markSets) {
        for (const m of set.mentions) {
          if (!m.marks.some((mark) => mark.isConnected)) continue;
          const tally = counts.get(m.entity) ?? { mentions: 0, marked: 0 };
          counts.set(m.entity, { mentions: tally.mentions + 1, marked: tally.marked + 1 });
        }
      }
      return counts;
    },
    unknownNames: () =>
      [...unknown]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
        .slice(0, MAX_UNKNOWN_SHOWN),
    prune: () => {
      const live = markSets.filter((set) => set.prune() > 0);
      markSets.splice(0, markSets.length, ...live);
      marksPlaced = live.reduce((sum, set) => sum + set.marks.length, 0);
    },
    remove: () => {
      removed = true;
      quietly(() => {
        // Newest first: a later pass may have split a text node an earlier pass left behind.
        for (const set of markSets.reverse()) set.remove();
      });
      markSets.length = 0;
    },
  };
}

/** Passes made by this content script, so that two passes' ids differ even with the same random part. */
let passes = 0;

/** A new pass id: unique within this tab and frame, which the background adds to it. */
function newPassId(): string {
  return `${Math.random().toString(36).slice(2, 10)}${(passes++).toString(36)}`;
}

function groupByBlock(mentions: readonly Mention[]): Map<number, Mention[]> {
  const byBlock = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = byBlock.get(m.block) ?? [];
    list.push(m);
    byBlock.set(m.block, list);
  }
  return byBlock;
}
