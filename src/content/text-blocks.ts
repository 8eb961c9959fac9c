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

/** Elements whose text is never marked: code, form fields, scripts, editors, our own UI. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP',
  'SVG', 'MATH', 'TEMPLATE', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE', 'BUTTON',
  'BACKSTORY-MARK', 'BACKSTORY-CARD',
]);

/** Elements that flow inside a line: text on both sides of them reads as one run. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'MARK', 'Q', 'S', 'SMALL',
  'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'INS', 'DEL', 'LABEL', 'NOBR', 'TT', 'BIG',
]);

/** Whether nothing under `element` may be marked. */
export function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.tagName.toUpperCase())) return true;
  if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true; // svg, math and their children
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * Collects the text blocks under `root`. Text separated only by inline elements joins into one
 * block ("<b>Min</b> Aung Hlaing" reads as one name); a block element or <br> starts a new run.
 */
export function collectTextBlocks(root: Node): PageBlock[] {
  const blocks: PageBlock[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && isSkipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let current: PageBlock | null = null;
  let broken = true;
  const close = (): void => {
    if (current && /\S/.test(current.text)) blocks.push(current);
    current = null;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (!INLINE.has((node as Element).tagName.toUpperCase())) broken = true;
      continue;
    }
    const text = node as Text;
    if (text.data.length === 0 || isInsideEditable(text)) continue;
    if (broken || !current || current.text.length + text.data.length > MAX_BLOCK_CHARS) {
      close();
      current = { text: '', segments: [] };
      broken = false;
    }
    const block: PageBlock = current;
    if (text.data.length > MAX_BLOCK_CHARS) continue; // a single giant text node is data, not prose
    block.segments.push({ node: text, start: block.text.length });
    block.text += text.data;
  }
  close();
  return blocks;
}

/** Editable regions inherit: a text node under any contenteditable ancestor is left alone. */
function isInsideEditable(text: Text): boolean {
  return text.parentElement?.isContentEditable ?? false;
}
