/**
 * One annotation pass over a page: read text blocks, ask the background which entities they name,
 * place the marks. Blocks go in batches that stay under the message limits.
 */
import type { EntityCard } from '../kb/card';
import type { Mention } from '../kb/spot';
import { ask, MAX_BLOCKS } from '../messages';
import { placeMarks, type MarkSet } from './marks';
import { collectTextBlocks, type PageBlock } from './text-blocks';

/** Characters per spot request: well under the background's limit, small enough to answer fast. */
const BATCH_CHARS = 200_000;

export interface Annotation {
  marks: MarkSet;
  cards: Map<string, EntityCard>;
  /** Mentions per entity id (a mention split across elements has several marks but counts once). */
  counts: Map<string, number>;
}

export async function annotate(root: Node): Promise<Annotation> {
  const blocks = collectTextBlocks(root);
  const cards = new Map<string, EntityCard>();
  const mentions: Mention[] = [];
  for (const batch of batches(blocks)) {
    const reply = await ask('spot', { blocks: batch.blocks.map((b) => ({ text: b.text })) });
    for (const m of reply.mentions) mentions.push({ ...m, block: m.block + batch.first });
    for (const [id, card] of Object.entries(reply.entities)) cards.set(id, card);
  }
  const marks = placeMarks(blocks, mentions, (id) => cards.get(id)?.kind ?? 'country');
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  return { marks, cards, counts };
}

function* batches(blocks: PageBlock[]): Generator<{ first: number; blocks: PageBlock[] }> {
  let first = 0;
  while (first < blocks.length) {
    let chars = 0;
    let end = first;
    while (end < blocks.length && end - first < MAX_BLOCKS && chars + blocks[end]!.text.length <= BATCH_CHARS) {
      chars += blocks[end]!.text.length;
      end++;
    }
    if (end === first) end++; // one block over the batch size still goes, alone
    yield { first, blocks: blocks.slice(first, end) };
    first = end;
  }
}
