// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../../src/kb/spot';
import { removeLeftovers } from '../../../src/content/leftovers';
import { MARK_TAG, placeMarks } from '../../../src/content/marks';
import { collectTextBlocks } from '../../../src/content/text-blocks';

// text-blocks.ts reads a limit from messages.ts, which imports the extension API; none is used here.
vi.mock('../../../src/browser', () => ({ default: {} }));

/**
 * What a reloaded extension's old content script leaves in a page (Firefox): marks placed by the
 * real marking code, and card hosts (built here by hand: card-host.tsx needs the extension API). The new script must take them all off and leave the
 * page's HTML, and its text nodes, as they were before any marks.
 */
afterEach(() => {
  document.body.replaceChildren();
  for (const host of document.querySelectorAll('backstory-card')) host.remove();
});

/** Marks every occurrence of each name in `root`'s text, as an old instance would have. */
function markNames(root: Node, names: string[]): number {
  const blocks = collectTextBlocks(root);
  const mentions: Mention[] = [];
  for (const [block, { text }] of blocks.entries()) {
    for (const name of names) {
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
        mentions.push({ block, start: at, end: at + name.length, entity: `person:${name}` });
      }
    }
  }
  return placeMarks(blocks, mentions, () => 'person').marks.length;
}

/** Each element's child nodes as kinds and text, to compare text-node boundaries, not just HTML. */
function shape(root: Node): unknown {
  return [...root.childNodes].map((n) => (n.nodeType === 3 ? `#text:${(n as Text).data}` : { [n.nodeName]: shape(n) }));
}

describe('removeLeftovers', () => {
  it('unwraps marks placed by the marking code, giving back the exact HTML and text nodes', () => {
    document.body.innerHTML =
      '<p>Min Aung Hlaing met Ana Ruiz in <b>Min</b> Aung Hlaing\'s office; Ana Ruiz left.</p>' +
      '<p><i>Ana Ruiz</i></p><div>Nothing here. <span>Ana Ruiz</span>Ana Ruiz</div>';
    const before = document.body.innerHTML;
    const beforeShape = shape(document.body);
    expect(markNames(document.body, ['Min Aung Hlaing', 'Ana Ruiz'])).toBeGreaterThanOrEqual(8);
    expect(document.body.innerHTML).not.toBe(before);

    removeLeftovers(document);

    expect(document.querySelector(MARK_TAG)).toBeNull();
    expect(document.body.innerHTML).toBe(before);
    expect(shape(document.body)).toEqual(beforeShape);
  });

  it('joins only what a mark split: text nodes the page kept apart stay apart, the same nodes', () => {
    const p = document.createElement('p');
    // Two text nodes side by side, as a page script (a framework rendering "{name} ended.") leaves
    // them; one mark splits the first node, the other runs to its end, right up to the page's second node.
    p.append('Talks with Ana Ruiz', ' ended.');
    document.body.append(p);
    const [own, next] = [...p.childNodes];
    const beforeShape = shape(p);
    markNames(p, ['with', 'Ana Ruiz']);
    expect(p.querySelectorAll(MARK_TAG)).toHaveLength(2);

    removeLeftovers(document);

    expect(shape(p)).toEqual(beforeShape);
    // The page's own nodes, not copies: a script holding them can still update or remove them.
    expect([...p.childNodes]).toEqual([own, next]);
  });

  it('unwraps marks inside an open shadow root of a page component, leaving the document alone', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Ana Ruiz spoke, then <b>Ana Ruiz</b> left.</p>';
    const before = shadow.innerHTML;
    const beforeShape = shape(shadow);
    expect(markNames(shadow, ['Ana Ruiz'])).toBe(2);

    removeLeftovers(shadow);

    expect(shadow.querySelector(MARK_TAG)).toBeNull();
    expect(shadow.innerHTML).toBe(before);
    expect(shape(shadow)).toEqual(beforeShape);
  });

  it('removes an earlier instance\'s card host', () => {
    document.body.innerHTML = '<p>Text</p>';
    for (let i = 0; i < 2; i++) {
      const host = document.createElement('backstory-card');
      host.attachShadow({ mode: 'closed' }).append(document.createElement('div'));
      document.documentElement.append(host); // where card-host.tsx puts it
    }
    expect(document.querySelectorAll('backstory-card')).toHaveLength(2);

    removeLeftovers(document);

    expect(document.querySelectorAll('backstory-card')).toHaveLength(0);
    expect(document.body.innerHTML).toBe('<p>Text</p>');
  });
});
