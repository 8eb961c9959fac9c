/**
 * Takes off the page what an earlier instance of this content script left there. When the
 * extension is reloaded or updated, Firefox tears the old script's code down but leaves its DOM in
 * open pages: its <backstory-mark> elements and its <backstory-card> host. The new version's script
 * skips text inside marks, so without this the old marks would stay on the page, dead, for good.
 *
 * The document is cleaned before the first pass; an open shadow root of a page component the
 * first time the new script reaches it (index.ts), as finding them all up front would mean
 * visiting every element of every page.
 */
import { MARK_TAG, SPLIT_AFTER_ATTRIBUTE } from './marks';

/** The card host's tag (card-host.tsx). */
const CARD_TAG = 'backstory-card';

/**
 * Removes every card host and unwraps every mark under `root` (a document, or an open shadow root
 * of a page component), so the page's HTML is what it was before any marks. Call it only where
 * this instance has placed no marks yet: it would take those too.
 */
export function removeLeftovers(root: Document | ShadowRoot): void {
  for (const host of root.querySelectorAll(CARD_TAG)) host.remove();
  // A static list in document order: marks never nest (their text is skipped when marking).
  // Only marks as ours are made (with their entity), not a page's own element of the same name.
  for (const mark of root.querySelectorAll(`${MARK_TAG}[data-entity]`)) unwrapMark(mark);
}

/**
 * Puts a mark's children in its place, then joins the text the mark split off back onto its
 * neighbours. Marking split one text node into "before", the mark's text and, unless the mark ran
 * to the node's end, "after" (marks.ts, wrapRanges). "Before" is always that split node, so it is
 * joined; "after" only where the mark says it split one off (SPLIT_AFTER_ATTRIBUTE): otherwise the
 * next text node is the page's own, and stays. No normalize(), which would also merge text nodes
 * the page itself keeps apart.
 */
function unwrapMark(mark: Element): void {
  const before = mark.previousSibling;
  const after = mark.hasAttribute(SPLIT_AFTER_ATTRIBUTE) ? mark.nextSibling : null;
  const first = mark.firstChild;
  const last = mark.lastChild;
  mark.replaceWith(...mark.childNodes);
  // An emptied mark (the page changed its text) still sat between two halves of one text node.
  const joinedStart = joinTexts(before, first ?? after);
  if (first) joinTexts(last === first ? joinedStart : last, after);
}

/**
 * Appends `right`'s text to `left` and removes `right`, when both are text nodes. Returns the node
 * now holding `right`'s text (so a chain of joins can continue from it).
 */
function joinTexts(left: ChildNode | null, right: ChildNode | null): ChildNode | null {
  if (!isText(left) || !isText(right)) return right;
  left.appendData(right.data);
  right.remove();
  return left;
}

function isText(node: Node | null): node is Text {
  return node?.nodeType === 3; // Node.TEXT_NODE: no global Node needed
}
