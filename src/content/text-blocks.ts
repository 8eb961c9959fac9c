/**
 * Reads a page's text into plain blocks for the matcher (DOM in, data out), remembering which
 * text node each stretch of a block came from so marks can be placed back precisely.
 */
import type { TextBlock } from '../kb/spot';
import { MAX_BLOCK_CHARS } from '../messages';

/** A stretch of a block's text that is exactly one text node's data. */
export interface Segment {
  node: Text;
  /** Offset of the node's first character in the block text. */
  start: number;
}

export interface PageBlock extends TextBlock {
  segments: Segment[];
}

/** Elements whose text is never marked (local names): code, form fields, scripts, editors, our own UI. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd', 'samp',
  'svg', 'math', 'template', 'iframe', 'object', 'canvas', 'head', 'title', 'button',
  'backstory-mark', 'backstory-card',
]);

/** Elements that flow inside a line (local names): text on both sides of them reads as one run. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'mark', 'q', 's', 'small',
  'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'ins', 'del', 'label', 'nobr', 'tt', 'big',
]);

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Whether nothing under `element` may be marked. `editable`, when given, holds the editable
 * elements of the part being read (editableUnder), so a walk over every element of a page asks a
 * set rather than each element's attributes.
 */
export function isSkipped(element: Element, editable?: ReadonlySet<Element>): boolean {
  // localName, not tagName: it is lower case in HTML and XHTML documents alike, with no copy made.
  if (SKIPPED.has(element.localName)) return true;
  if (element.namespaceURI !== HTML_NAMESPACE) return true; // svg, math and their children
  return editable ? editable.has(element) : isEditable(element);
}

function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * The editable elements under `root`, found in one native query: cheaper than asking each element
 * for its attribute while walking.
 */
function editableUnder(root: Node): ReadonlySet<Element> {
  const found = (root as ParentNode).querySelectorAll?.('[contenteditable]') ?? [];
  return new Set([...found].filter(isEditable));
}

/** Nodes visited between two checkpoints of `readTextBlocks`, so a caller can pause on time. */
const NODES_PER_CHECKPOINT = 256;

/**
 * Collects the text blocks under `root`. Text separated only by inline elements joins into one
 * block ("<b>Min</b> Aung Hlaing" reads as one name); a block element or <br> starts a new run.
 */
export function collectTextBlocks(root: Node): PageBlock[] {
  const blocks: PageBlock[] = [];
  for (const block of readTextBlocks(root)) if (block) blocks.push(block);
  return blocks;
}

/**
 * Reads the text blocks under `root` one at a time, so a caller can send them in batches and
 * pause between slices without holding a whole page's text at once. Yields `undefined` as a
 * checkpoint every few hundred nodes, where the caller may pause even if no block is complete.
 * Open shadow roots of page components are read where their host stands, as blocks of their own,
 * and reported to `onShadowRoot` (the page observer watches them).
 * The caller must not pass a root that is itself inside skipped content (see `isInSkipped`).
 */
export function* readTextBlocks(root: Node, onShadowRoot?: (root: ShadowRoot) => void): Generator<PageBlock | undefined, void, void> {
  if ((root.ownerDocument ?? (root as Document)).designMode === 'on') return; // the whole page is an editor
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root as Text;
    if (/\S/.test(text.data) && text.data.length <= MAX_BLOCK_CHARS) {
      yield { text: text.data, segments: [{ node: text, start: 0 }] };
    }
    return;
  }
  // A root that is itself a component host (added to the page with its shadow root attached):
  // the walker below visits only what is under it, so its own shadow root is read here.
  if (root.nodeType === Node.ELEMENT_NODE && (root as Element).shadowRoot) {
    onShadowRoot?.((root as Element).shadowRoot!);
    yield* readTextBlocks((root as Element).shadowRoot!, onShadowRoot);
  }
  const doc = root.ownerDocument ?? (root as Document);
  // No filter function: the browser would call back into script for every node. Skipped elements
  // are stepped over below instead, subtree and all, as FILTER_REJECT would.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let current: PageBlock | null = null;
  let broken = true;
  let visited = 0;
  const take = (): PageBlock | null => {
    const done = current && /\S/.test(current.text) ? current : null;
    current = null;
    return done;
  };
  const editable = editableUnder(root);
  let node = walker.nextNode();
  while (node) {
    if (++visited % NODES_PER_CHECKPOINT === 0) yield undefined;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (isSkipped(element, editable)) {
        // Neither it nor anything under it is read, and it does not break the run it sits in.
        node = nextAfterSubtree(walker);
        continue;
      }
      if (!INLINE.has(element.localName)) broken = true;
      // element.shadowRoot is null for closed roots: those stay the component's own business.
      if (element.shadowRoot) {
        const done = take();
        if (done) yield done;
        onShadowRoot?.(element.shadowRoot);
        yield* readTextBlocks(element.shadowRoot, onShadowRoot);
        broken = true;
      }
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    const data = text.data; // read once: each read of .data makes a new string
    if (data.length > 0) {
      if (broken || !current || current.text.length + data.length > MAX_BLOCK_CHARS) {
        const done = take();
        if (done) yield done;
        current = { text: '', segments: [] };
        broken = false;
      }
      // A single giant text node is data, not prose.
      if (data.length <= MAX_BLOCK_CHARS) {
        const block: PageBlock = current;
        block.segments.push({ node: text, start: block.text.length });
        block.text += data;
      }
    }
    node = walker.nextNode();
  }
  const done = take();
  if (done) yield done;
}

/** Moves `walker` past its current node's subtree: to the node that follows it in document order, or null at the end. */
function nextAfterSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/*
 * Editable regions are found by their contenteditable attribute (isSkipped rejects the subtree,
 * and isInSkipped looks at every ancestor), never with isContentEditable: that reads computed
 * style, and after marks are placed it would force a style recalculation of the whole page on
 * every text node read.
 */

/**
 * Whether `node` sits in content that is never marked: under a skipped element (script, editor,
 * one of our marks…), also across shadow-root boundaries. For roots handed in by the page observer.
 */
export function isInSkipped(node: Node): boolean {
  for (let at: Node | null = node; at; ) {
    if (at.nodeType === Node.ELEMENT_NODE && isSkipped(at as Element)) return true;
    at = at.parentNode ?? (at instanceof ShadowRoot ? at.host : null);
  }
  return node.ownerDocument?.designMode === 'on';
}
