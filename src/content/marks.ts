/**
 * Places <backstory-mark> elements around mentions and removes them, restoring the page's DOM
 * exactly: the same text nodes, with the same data, in the same places.
 */
import type { EntityKind } from '../kb/model';
import type { Mention } from '../kb/spot';
import type { PageBlock } from './text-blocks';

export const MARK_TAG = 'backstory-mark';

/**
 * Set on a mark when the text node right after it was split off the same page text node as the
 * text before it, so a later instance cleaning up after this one (leftovers.ts) joins that text
 * back, and never a text node the page itself put there: removing one of those would break a
 * page script (a framework's own reference to its node) that later updates or removes it.
 */
export const SPLIT_AFTER_ATTRIBUTE = 'data-split-after';

/** A part of one mention inside one text node. */
interface NodeRange {
  start: number;
  end: number;
  entity: string;
  kind: EntityKind;
  /** Index of the mention in the list given to placeMarks. */
  mention: number;
}

/**
 * What wrapping did to one text node. Restoring puts the original data back into the same node
 * and removes every node wrapping created; we never call normalize(), which would also merge
 * text nodes the page itself had kept apart.
 */
interface WrappedNode {
  node: Text;
  original: string;
  created: ChildNode[];
}

/** One mention as placed: its entity and its marks (several when it spans elements). */
export interface PlacedMention {
  entity: string;
  marks: HTMLElement[];
}

export interface MarkSet {
  /** The marks placed, in document order. */
  readonly marks: readonly HTMLElement[];
  /** The mentions that got at least one mark. */
  readonly mentions: readonly PlacedMention[];
  /** Removes every mark and restores the text nodes as they were. */
  remove(): void;
  /**
   * Forgets marks the page itself has taken out of the document (a re-render, an infinite-scroll
   * page dropping old items), so a long-lived page does not keep them alive. Returns how many
   * marks are still in the document.
   */
  prune(): number;
}

/**
 * Wraps each mention in a mark. A mention that spans several text nodes ("<b>Min</b> Aung") gets
 * one mark per node, all with the same data-entity.
 */
export function placeMarks(blocks: readonly PageBlock[], mentions: readonly Mention[], kindOf: (entity: string) => EntityKind): MarkSet {
  const perNode = new Map<Text, NodeRange[]>();
  const placed: PlacedMention[] = mentions.map((m) => ({ entity: m.entity, marks: [] }));
  const order = [...mentions.keys()].sort((a, b) => mentions[a]!.block - mentions[b]!.block || mentions[a]!.start - mentions[b]!.start);
  for (const index of order) {
    const mention = mentions[index]!;
    const block = blocks[mention.block];
    if (!block) continue;
    for (const [i, segment] of block.segments.entries()) {
      const segmentEnd = block.segments[i + 1]?.start ?? block.text.length;
      const from = Math.max(mention.start, segment.start);
      const to = Math.min(mention.end, segmentEnd);
      if (from >= to) continue;
      // The space between "<b>South</b> <i>Africa</i>" belongs to the mention but gets no mark.
      if (!/\S/.test(segment.node.data.slice(from - segment.start, to - segment.start))) continue;
      // The page changed this text since it was read: its offsets no longer hold.
      if (segment.node.data !== block.text.slice(segment.start, segmentEnd)) continue;
      const list = perNode.get(segment.node) ?? [];
      list.push({ start: from - segment.start, end: to - segment.start, entity: mention.entity, kind: kindOf(mention.entity), mention: index });
      perNode.set(segment.node, list);
    }
  }
  const wrapped: WrappedNode[] = [];
  for (const [node, ranges] of perNode) {
    if (!node.isConnected || !node.parentNode) continue; // the page moved on since we read it
    wrapped.push(wrapRanges(node, ranges, placed));
  }
  // Nodes were wrapped in mention order, which is document order (mentions are sorted above);
  // within a node, wrapping ran back to front. No compareDocumentPosition sort: on a long page
  // it was the costliest part of marking.
  let marks = wrapped.flatMap((w) => w.created.filter((n): n is HTMLElement => n.nodeName.toLowerCase() === MARK_TAG).reverse());
  let kept = placed.filter((p) => p.marks.length > 0);
  return {
    get marks() {
      return marks;
    },
    get mentions() {
      return kept;
    },
    remove: () => {
      for (const w of wrapped) unwrap(w);
      wrapped.length = 0;
      marks = [];
      kept = [];
    },
    prune: () => {
      const live = wrapped.filter((w) => w.node.isConnected || w.created.some((n) => n.isConnected));
      wrapped.splice(0, wrapped.length, ...live);
      marks = marks.filter((m) => m.isConnected);
      kept = kept.filter((p) => p.marks.some((m) => m.isConnected));
      return marks.length;
    },
  };
}

function wrapRanges(node: Text, ranges: NodeRange[], placed: PlacedMention[]): WrappedNode {
  const original = node.data;
  const created: ChildNode[] = [];
  const doc = node.ownerDocument;
  // From the last range back, so earlier offsets stay valid while the node is split.
  const sorted = [...ranges].sort((a, b) => b.start - a.start);
  let limit = original.length;
  for (const range of sorted) {
    if (range.end > limit) continue; // overlapping ranges: keep the later one
    const splitAfter = range.end < node.data.length;
    if (splitAfter) created.push(node.splitText(range.end));
    const middle = node.splitText(range.start);
    const mark = doc.createElement(MARK_TAG);
    mark.dataset.entity = range.entity;
    mark.dataset.kind = range.kind;
    if (splitAfter) mark.setAttribute(SPLIT_AFTER_ATTRIBUTE, '');
    mark.tabIndex = -1; // focusable by script and the mark-to-mark shortcut, not in the tab order
    middle.before(mark);
    mark.append(middle);
    created.push(mark);
    placed[range.mention]?.marks.push(mark);
    limit = range.start;
  }
  return { node, original, created };
}

function unwrap(wrapped: WrappedNode): void {
  for (const node of wrapped.created) node.remove();
  wrapped.node.data = wrapped.original;
}
