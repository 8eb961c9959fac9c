/**
 * Problems with list files and downloads as data: a message id of _locales (`diag…`) and the
 * values that fill its placeholders. The options page words them in the reader's language through
 * browser.i18n; parsers run in workers and in Node, where browser.i18n does not exist, so each
 * diagnostic also renders to English here, from the English catalogue, for logs, tests and as the
 * fallback older readers and stored data rely on.
 *
 *   const problem = diagnostic('diagFileEmpty');            // { key, values: [] }
 *   english(problem)                                        // "file is empty"
 *   t(problem.key, ...problem.values)                       // the same in the page's language
 */
import catalogue from '../../_locales/en/messages.json';
import type { ParseIssue } from '../kb/model';
import { FORMAT_LIST_SEPARATOR, FORMAT_MESSAGES, isFormatId } from './formats';

type Catalogue = typeof catalogue;

/** Every message id of the catalogue that words a diagnostic. */
export type DiagnosticKey = Extract<keyof Catalogue, `diag${string}`>;

/** A problem as data. `values` fill the message's placeholders $1, $2, … in order. */
export interface Diagnostic {
  key: DiagnosticKey;
  values: string[];
}

/**
 * A problem as stored and sent between the extension's parts: the English `message` (always,
 * for logs and for versions that stored only that) and, from this version on, the diagnostic it
 * was worded from, which leaves out where it is; readers word the file, the part of the file (a
 * workbook's sheet) and the line around it.
 */
export interface Problem {
  message: string;
  key?: string;
  values?: string[];
  file?: string;
  /** Where inside the file (a sheet of a workbook), when `line` counts lines of that part. */
  part?: { key: string; values: string[] };
  /** A message around this one, which takes it as its last value ("sheet "X" row 5: …"). */
  context?: { key: string; values: string[] };
  line?: number;
}

/** Builds a diagnostic; numbers are written as they are, without grouping, as the English always did. */
export function diagnostic(key: DiagnosticKey, ...values: Array<string | number>): Diagnostic {
  return { key, values: values.map(String) };
}

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const ENTRIES = catalogue as Record<string, CatalogueEntry>;

/**
 * A catalogue message with its placeholders filled the way browser.i18n.getMessage does it:
 * named placeholders ($NAME$, case-insensitive) take their "content", then $1…$9 take the values,
 * and "$$" is a literal "$". Unknown keys come back as the key, as src/i18n.ts does.
 */
export function renderMessage(key: string, values: readonly string[]): string {
  const entry = ENTRIES[key];
  if (!entry) return key;
  const named = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const filled = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => named[name.toLowerCase()] ?? whole);
  return filled.replace(/\$(?:([1-9]\d*)|(\$+))/g, (_whole, index: string | undefined, dollars: string | undefined) =>
    index ? (values[Number(index) - 1] ?? '') : (dollars ?? ''),
  );
}

/** A diagnostic in English. */
export function english(problem: Diagnostic): string {
  return renderMessage(problem.key, wordValues(englishLookup, problem.key, problem.values) ?? problem.values);
}

/**
 * Diagnostics with a value that lists formats by id ("ofac-legacy; uk-hmt"), and which value it
 * is: readers word each id by its format… message, so the list reads in their language.
 */
const FORMAT_LIST_VALUE: Partial<Record<string, number>> = { diagUnknownFormat: 0 };

/**
 * The values of diagnostic `key` as its message takes them: format lists worded, the rest as they
 * are. A part of a list that is no format id (older versions sent English titles) stays as it is.
 * Null when `lookup` lacks a format's message.
 */
function wordValues(lookup: (key: string, values: readonly string[]) => string | null, key: string, values: readonly string[]): string[] | null {
  const index = FORMAT_LIST_VALUE[key];
  const list = index === undefined ? undefined : values[index];
  if (list === undefined) return [...values];
  const parts = list.split(FORMAT_LIST_SEPARATOR).map((part) => (isFormatId(part) ? lookup(FORMAT_MESSAGES[part], []) : part));
  if (parts.some((part) => part === null)) return null;
  return values.map((value, i) => (i === index ? parts.join(FORMAT_LIST_SEPARATOR) : value));
}

/**
 * Words a problem with `lookup` (a message id and its values → the text, or null for an id the
 * catalogue lacks): the diagnostic, then where it is, "file, line 3: …", "file: sheet …, line 3: …"
 * or "file: …". Problems without a usable key (stored by older versions) give their `message`.
 */
export function wordProblem(lookup: (key: string, values: readonly string[]) => string | null, problem: Problem): string {
  if (!problem.key) return problem.message;
  const values = wordValues(lookup, problem.key, problem.values ?? []);
  let text = values && lookup(problem.key, values);
  if (text !== null && problem.context) text = lookup(problem.context.key, [...problem.context.values, text]);
  if (text === null) return problem.message;
  let line = problem.line;
  if (problem.part) {
    const part = lookup(problem.part.key, problem.part.values);
    if (part === null) return problem.message;
    text = at(lookup, part, line, text);
    line = undefined;
  }
  return (problem.file === undefined ? text : at(lookup, problem.file, line, text)) ?? problem.message;
}

function at(lookup: (key: string, values: readonly string[]) => string | null, where: string, line: number | undefined, text: string | null): string | null {
  if (text === null) return null;
  return line === undefined ? lookup('diagInFile', [where, text]) : lookup('diagAtLine', [where, String(line), text]);
}

/** English for a problem, from the English catalogue. */
export function englishProblem(problem: Problem): string {
  return wordProblem(englishLookup, problem);
}

function englishLookup(key: string, values: readonly string[]): string | null {
  return key in ENTRIES ? renderMessage(key, values) : null;
}

/**
 * A warning or error about a row of a file, as parsers report them: the English beside the
 * diagnostic. The message leaves out file and line, which have fields of their own.
 */
export function issue(file: string, line: number | undefined, problem: Diagnostic, context?: Diagnostic): ParseIssue {
  const message = english(problem);
  return {
    file,
    ...(line === undefined ? {} : { line }),
    message: context ? renderMessage(context.key, [...context.values, message]) : message,
    key: problem.key,
    values: problem.values,
    ...(context ? { context: { key: context.key, values: context.values } } : {}),
  };
}

/** An error that carries its diagnostic, for code that throws (downloads, workers). */
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(problem: Diagnostic, message = english(problem)) {
    super(message);
    this.name = 'DiagnosticError';
    this.diagnostic = problem;
  }
}

/** Longest list of values a stored or received problem may carry; real diagnostics have up to five. */
export const MAX_PROBLEM_VALUES = 8;
/** Longest string a stored or received problem may carry in any field. */
export const MAX_PROBLEM_CHARS = 4_000;

const isShortString = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_PROBLEM_CHARS;

const isDiagnosticKey = (value: unknown): value is string => typeof value === 'string' && value.length <= 100 && /^diag[A-Za-z0-9]+$/.test(value);
const isValueList = (value: unknown): value is string[] => Array.isArray(value) && value.length <= MAX_PROBLEM_VALUES && value.every(isShortString);

function readKeyed(value: unknown): { key: string; values: string[] } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { key, values } = value as Record<string, unknown>;
  return isDiagnosticKey(key) && isValueList(values) ? { key, values: [...values] } : null;
}

/**
 * A problem read from storage or received from another part of the extension, checked field by
 * field: a plain string (what older versions stored) becomes `{ message }`; a key or values of the
 * wrong type or size are dropped, so the English message is shown instead. Null when unusable.
 */
export function readProblem(value: unknown): Problem | null {
  if (typeof value === 'string') return { message: value.slice(0, MAX_PROBLEM_CHARS) };
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (!isShortString(raw['message'])) return null;
  const problem: Problem = { message: raw['message'] };
  const values = raw['values'] ?? [];
  if (isDiagnosticKey(raw['key']) && isValueList(values)) {
    problem.key = raw['key'];
    problem.values = [...values];
  }
  if (problem.key) {
    const part = readKeyed(raw['part']);
    if (part) problem.part = part;
    const context = readKeyed(raw['context']);
    if (context) problem.context = context;
  }
  if (isShortString(raw['file'])) problem.file = raw['file'];
  if (typeof raw['line'] === 'number' && Number.isSafeInteger(raw['line']) && raw['line'] > 0) problem.line = raw['line'];
  return problem;
}
