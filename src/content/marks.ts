/**
 * Places <backstory-mark> elements around mentions and removes them, restoring the page's DOM
 * exactly: the same text nodes, with the same data, in the same places.
 */
import type { EntityKind } from '../kb/model';
import type { Mention } from '../kb/spot';
import type { PageBlock } from './text-blocks';

export const MARK_TAG = 'backstory-mark';

/** A part of one mention inside one text node. */
interface NodeRange {
  start: number;
  end: number;
  entity: string;
  kind: EntityKind;
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

export interface MarkSet {
  /** The marks placed, in document order. */
  readonly marks: readonly HTMLElement[];
  /** Removes every mark and restores the text nodes as they were. */
  remove(): void;
}

/**
 * Wraps each mention in a mark. A mention that spans several text nodes ("<b>Min</b> Aung") gets
 * one mark per node, all with the same data-entity.
 */
export function placeMarks(blocks: readonly PageBlock[], mentions: readonly Mention[], kindOf: (entity: string) => EntityKind): MarkSet {
  const perNode = new Map<Text, NodeRange[]>();
  for (const mention of mentions) {
    const block = blocks[mention.block];
    if (!block) continue;
    for (const segment of block.segments) {
      const from = Math.max(mention.start, segment.start);
      const to = Math.min(mention.end, segment.start + segment.node.data.length);
      if (from >= to) continue;
      // The space between "<b>South</b> <i>Africa</i>" belongs to the mention but gets no mark.
      if (!/\S/.test(segment.node.data.slice(from - segment.start, to - segment.start))) continue;
      const list = perNode.get(segment.node) ?? [];
      list.push({ start: from - segment.start, end: to - segment.start, entity: mention.entity, kind: kindOf(mention.entity) });
      perNode.set(segment.node, list);
    }
  }
  const wrapped: WrappedNode[] = [];
  for (const [node, ranges] of perNode) {
    if (!node.isConnected || !node.parentNode) continue; // the page moved on since we read it
    wrapped.push(wrapRanges(node, ranges));
  }
  const marks = wrapped
    .flatMap((w) => w.created.filter((n): n is HTMLElement => n.nodeName.toLowerCase() === MARK_TAG))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return {
    marks,
    remove: () => {
      for (const w of wrapped) unwrap(w);
      wrapped.length = 0;
    },
  };
}

function wrapRanges(node: Text, ranges: NodeRange[]): WrappedNode {
  const original = node.data;
  const created: ChildNode[] = [];
  const doc = node.ownerDocument;
  // From the last range back, so earlier offsets stay valid while the node is split.
  const sorted = [...ranges].sort((a, b) => b.start - a.start);
  let limit = original.length;
  for (const range of sorted) {
    if (range.end > limit) continue; // overlapping ranges: keep the later one
    if (range.end < node.data.length) created.push(node.splitText(range.end));
    const middle = node.splitText(range.start);
    const mark = doc.createElement(MARK_TAG);
    mark.dataset.entity = range.entity;
    mark.dataset.kind = range.kind;
    mark.tabIndex = -1; // focusable by script and the mark-to-mark shortcut, not in the tab order
    middle.before(mark);
    mark.append(middle);
    created.push(mark);
    limit = range.start;
  }
  return { node, original, created };
}

function unwrap(wrapped: WrappedNode): void {
  for (const node of wrapped.created) node.remove();
  wrapped.node.data = wrapped.original;
}
