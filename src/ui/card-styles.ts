/**
 * Styles of the entity card, shared by the page card (inside its shadow root), the popup and the
 * options page. Sizes in px: rem would follow the page's root font size. System fonts only:
 * @font-face does not work inside a shadow root.
 */
export const CARD_CSS = `
.card { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; }
.card header { margin: 0 0 8px; }
.card .kind { margin: 0; font-size: 11px; letter-spacing: .04em; text-transform: uppercase; color: #5a6472; }
.card h2 { margin: 2px 0 0; font-size: 16px; line-height: 1.3; font-weight: 650; }
.card h3 { margin: 0 0 2px; font-size: 13px; font-weight: 650; }
.card .block { border-top: 1px solid #e3e6ea; padding: 6px 0 4px; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; }
.card dt { color: #5a6472; }
.card dd { margin: 0; }
.card .fact, .card .reasons { margin: 2px 0; }
.card .provenance { margin: 4px 0 0; font-size: 11px; color: #5a6472; }
.card a { color: #0b57b0; }
.card details summary { cursor: pointer; color: #5a6472; }
.card ul { margin: 4px 0 0; padding-left: 18px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6e9ee; }
  .card .kind, .card dt, .card .provenance, .card details summary { color: #a9b2bf; }
  .card .block { border-top-color: #3a4350; }
  .card a { color: #8ab4f8; }
}
`;
