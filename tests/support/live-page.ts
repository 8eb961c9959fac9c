/**
 * The live page of the dynamic-page tests and what its "scripts" do to it, shared by the Chromium
 * (dynamic-pages.test.ts) and Firefox (dynamic-pages-firefox.test.ts) tests. The functions named
 * …InPage run inside the page, as its own scripts would: pass them to page.evaluate.
 */

export const LIVE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Live</title></head>
<body><header><h1>Live updates</h1></header><main id="feed"><p id="first">Talks opened in France today.</p></main></body></html>`;

/** Runs in the page: a component with an open shadow root naming Brazil joins the feed. */
export function addNewsCardInPage(): void {
  const host = document.createElement('news-card');
  const root = host.attachShadow({ mode: 'open' });
  const p = document.createElement('p');
  p.textContent = 'Exports from Brazil rose.';
  root.append(p);
  document.getElementById('feed')!.append(host);
}

/** Runs in the page: the component's shadow root gets a paragraph naming Chile. */
export function addToNewsCardInPage(): void {
  const p = document.createElement('p');
  p.textContent = 'Chile followed.';
  document.querySelector('news-card')!.shadowRoot!.append(p);
}

/** Runs in the page: how many marks of the country `code` the component's shadow root holds. */
export function newsCardMarksInPage(code: string): number {
  return document.querySelector('news-card')!.shadowRoot!.querySelectorAll(`backstory-mark[data-entity="country:${code}"]`).length;
}

/**
 * Runs in the page: a component that re-renders, with fresh elements, whenever a mark appears in
 * it (window.renders counts its renders), as a page script that throws away anything it did not render.
 */
export function mountFightingComponentInPage(): void {
  const w = window as unknown as { renders: number };
  w.renders = 0;
  const box = document.createElement('div');
  box.id = 'fight';
  const render = (): void => {
    w.renders++;
    const p = document.createElement('p');
    p.textContent = `Render ${w.renders}: sanctions on Russia.`;
    box.replaceChildren(p);
  };
  render();
  new MutationObserver(() => {
    if (box.querySelector('backstory-mark')) render();
  }).observe(box, { childList: true, subtree: true });
  document.getElementById('feed')!.append(box);
}
