/**
 * Reading the cells of the DFAT Consolidated List as text: placeholders dropped, spaces collapsed,
 * and DFAT's "a) X b) Y" way of giving alternatives in one cell.
 */
import { cleanSpace } from './text';
import type { XlsxCell } from './xlsx';

/** A cell as trimmed, space-collapsed text; undefined when empty or a placeholder ("NA", "na"). */
export function textOf(cell: XlsxCell): string | undefined {
  if (cell === null) return undefined;
  const text = cleanSpace(String(cell));
  return text === '' || /^(n\/?a|none|-)$/i.test(text) ? undefined : text;
}

/** Free text that keeps its line breaks (the Additional Information column is written in lines). */
export function linesOf(cell: XlsxCell): string | undefined {
  if (cell === null) return undefined;
  const text = String(cell).split(/\r?\n/).map(cleanSpace).filter(Boolean).join('\n');
  return textOf(text) === undefined ? undefined : text;
}

/**
 * Splits "a) X b) Y" lists (DFAT's way of giving alternatives) into their items; text that does
 * not start with "a)" is one item. Separators left at item ends (";", ",") are dropped.
 */
export function splitLettered(text: string | undefined): string[] {
  if (!text) return [];
  if (!/^\(?a\)/i.test(text)) return [text];
  return text
    .split(/(?:^|[\s;,]+)\(?[a-z]\)\s*/i)
    .map((item) => item.replace(/[\s;,]+$/, '').trim())
    .filter((item) => item !== '');
}
