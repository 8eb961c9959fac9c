/**
 * Styles of the entity card, shared by the page card (inside its shadow root), the popup and the
 * options page. Sizes in px: rem would follow the page's root font size. System fonts only:
 * @font-face does not work inside a shadow root.
 *
 * Themes: colours are custom properties on `.bs-themed`. `data-theme="dark"` or `"light"` (set by
 * the card host from the page's background, see src/content/page-theme.ts) wins; without it the
 * reader's prefers-color-scheme decides. Contrast of every text colour against its background is
 * at least 4.5:1 in both themes (checked by axe in tests/e2e/card.test.ts).
 */
const LIGHT = `
  --bs-bg: #ffffff; --bs-fg: #1d2430; --bs-muted: #4f5866; --bs-line: #d9dde3; --bs-link: #0b57b0;
  --bs-border: #b9c0ca; --bs-track: #e8ebef; --bs-imports: #1565c0; --bs-exports: #b3261e;
  --bs-window: rgba(21, 101, 192, .08); --bs-strong: #1b5e20; --bs-possible: #8a4b00; --bs-button: #f1f3f5;
  color-scheme: light;`;
const DARK = `
  --bs-bg: #1f242c; --bs-fg: #e6e9ee; --bs-muted: #aeb7c3; --bs-line: #3a4350; --bs-link: #8ab4f8;
  --bs-border: #4a5462; --bs-track: #333b47; --bs-imports: #90caf9; --bs-exports: #f28b82;
  --bs-window: rgba(144, 202, 249, .12); --bs-strong: #a5d6a7; --bs-possible: #ffcc80; --bs-button: #2b323c;
  color-scheme: dark;`;

export const CARD_CSS = `
.bs-themed { ${LIGHT} }
@media (prefers-color-scheme: dark) { .bs-themed:not([data-theme=light]) { ${DARK} } }
.bs-themed[data-theme=dark] { ${DARK} }
.card { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--bs-fg); text-align: start; }
.card header { margin: 0 0 6px; }
.card .kind { margin: 0; font-size: 11px; letter-spacing: .04em; text-transform: uppercase; color: var(--bs-muted); }
.card h2 { margin: 2px 0 0; font-size: 16px; line-height: 1.3; font-weight: 650; }
.card h3 { margin: 0 0 2px; font-size: 13px; font-weight: 650; }
.card .block { border-top: 1px solid var(--bs-line); padding: 6px 0 4px; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
.card dt { color: var(--bs-muted); }
.card dd { margin: 0; overflow-wrap: anywhere; }
.card .fact, .card .reasons, .card .note { margin: 2px 0; }
.card .note { font-size: 11px; color: var(--bs-muted); }
.card .provenance { margin: 4px 0 0; font-size: 11px; color: var(--bs-muted); }
.card a { color: var(--bs-link); }
.card details summary { cursor: pointer; color: var(--bs-muted); }
.card details p { margin: 4px 0; font-size: 11px; }
.card ul { margin: 2px 0 0; padding-inline-start: 18px; }
.card .code { color: var(--bs-muted); font-size: 11px; }
.card .entry + .entry { margin-top: 6px; }
.card .list-name { font-size: 12px; color: var(--bs-muted); }
.card .match { margin: 0 0 6px; padding: 4px 8px; border-inline-start: 3px solid var(--bs-possible); }
.card .match p { margin: 0; }
.card .match[data-tier=strong] { border-inline-start-color: var(--bs-strong); }
.card .match[data-tier=strong] strong { color: var(--bs-strong); }
.card .match[data-tier=possible] strong, .card .match[data-tier=name-only] strong { color: var(--bs-possible); }
.card .direction { margin: 4px 0 6px; }
.card .change { color: var(--bs-muted); font-size: 12px; }
.card .bars { list-style: none; padding: 0; margin: 4px 0 0; display: grid; grid-template-columns: minmax(0, 9em) 1fr max-content; gap: 2px 8px; align-items: center; }
.card .bars li { display: contents; }
.card .bar-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.card .bar-track { display: block; height: 8px; background: var(--bs-track); border-radius: 2px; overflow: hidden; }
.card .bar-fill { display: block; height: 100%; background: var(--bs-imports); }
.card .direction[data-direction=exports] .bar-fill { background: var(--bs-exports); }
.card .bar-value { font-variant-numeric: tabular-nums; text-align: end; }
.card .sparkline { margin: 6px 0 2px; }
.card .sparkline svg { display: block; max-width: 100%; height: auto; }
.card .sparkline .window { fill: var(--bs-window); }
.card .sparkline polyline { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
.card .sparkline polyline.imports { stroke: var(--bs-imports); }
.card .sparkline polyline.exports { stroke: var(--bs-exports); stroke-dasharray: 4 2; }
.card .sparkline figcaption { display: flex; justify-content: space-between; font-size: 11px; color: var(--bs-muted); }
.card .legend .key { margin-inline: 4px; }
.card .legend .key::before { content: ""; display: inline-block; width: 10px; height: 2px; vertical-align: middle; margin-inline-end: 3px; }
.card .legend .key.imports::before { background: var(--bs-imports); }
.card .legend .key.exports::before { background: var(--bs-exports); }
.card .about .fact { color: var(--bs-muted); }
.card .flow-list { list-style: none; padding: 0; margin: 2px 0; }
.card .flow-list li + li { margin-top: 2px; }
.card .actions { margin: 8px 0 0; }
.card button { font: inherit; font-size: 12px; color: var(--bs-fg); background: var(--bs-button); border: 1px solid var(--bs-border); border-radius: 4px; padding: 3px 8px; cursor: pointer; }
.card button:focus-visible, .card a:focus-visible, .card summary:focus-visible { outline: 2px solid var(--bs-link); outline-offset: 1px; }
.card .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
