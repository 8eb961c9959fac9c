import { SaxesParser } from 'saxes';
import { ParseError } from './errors';
import { diagnostic, type Diagnostic } from './diagnostics';

/**
 * Streaming XML reading for list files, with no DOM (the same code runs in the background worker,
 * which has none) and no entity expansion: a DOCTYPE that declares entities is refused outright,
 * which stops "billion laughs" bombs and external-entity tricks before they start. saxes itself
 * never expands entities beyond the five predefined ones.
 */

/** A small element tree for one record of a list (an <INDIVIDUAL>, a <record>, a <row>). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element. */
  text: string;
  /** 1-based line where the element starts. */
  line: number;
}

export interface XmlRecordHandlers {
  /** Called with each complete element whose name is in `recordNames`. */
  onRecord: (record: XmlElement) => void;
  /** Called on every start tag outside records (for root attributes such as a generation date). */
  onOpenOutside?: (name: string, attributes: Record<string, string>) => void;
}

/** Limit on one record's element count: a real record has tens, a hostile one could have millions. */
const MAX_ELEMENTS_PER_RECORD = 50_000;

/**
 * Reads `text` as XML and hands every element named in `recordNames` to `onRecord` as a small tree.
 * Throws ParseError (with file and line) on malformed XML or a DOCTYPE that declares entities.
 */
export function readXmlRecords(file: string, text: string, recordNames: ReadonlySet<string>, handlers: XmlRecordHandlers): void {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let count = 0;
  let failure: ParseError | null = null;
  const fail = (problem: Diagnostic): void => {
    failure ??= new ParseError(file, problem, parser.line);
  };

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail(diagnostic('diagXmlEntities'));
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = String(value);
    if (stack.length === 0 && !recordNames.has(tag.name)) {
      handlers.onOpenOutside?.(tag.name, attributes);
      return;
    }
    if (++count > MAX_ELEMENTS_PER_RECORD) return fail(diagnostic('diagXmlRecordTooLarge', stack[0]?.name ?? tag.name, MAX_ELEMENTS_PER_RECORD));
    const element: XmlElement = { name: tag.name, attributes, children: [], text: '', line: parser.line };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (chunk) => {
    const top = stack.at(-1);
    if (top) top.text += chunk;
  });
  parser.on('cdata', (chunk) => {
    const top = stack.at(-1);
    if (top) top.text += chunk;
  });
  parser.on('closetag', () => {
    if (failure || stack.length === 0) return;
    const element = stack.pop()!;
    if (stack.length === 0) {
      count = 0;
      handlers.onRecord(element);
    }
  });
  parser.on('error', (error) => fail(diagnostic('diagXmlMalformed', error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''))));

  // Feed in slices so a failure (a bomb, a broken tag) stops the work early.
  const SLICE = 1 << 20;
  for (let at = 0; at < text.length && !failure; at += SLICE) parser.write(text.slice(at, at + SLICE));
  if (!failure) parser.close();
  if (failure) throw failure;
}

/** Text of the first child named `name`, trimmed, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = element.children.find((c) => c.name === name);
  const value = child?.text.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** All children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
