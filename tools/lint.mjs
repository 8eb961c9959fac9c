/**
 * The project's own lint, small enough to need no ESLint (typescript-eslint needs the TypeScript
 * compiler API, which TypeScript 7's `typescript` package no longer exposes). Two rules:
 *
 *   boundaries   the import table of shared/docs/style.md §2, checked on esbuild's metafile, so
 *                only imports that survive type erasure count ("types are fine")
 *   no-html      no innerHTML / outerHTML / insertAdjacentHTML / document.write(ln) /
 *                createContextualFragment / setHTMLUnsafe / dangerouslySetInnerHTML in src/:
 *                every node we add to a page or our pages is built with DOM calls or Preact
 *
 *   node tools/lint.mjs        bundles every entry (nothing written) and runs both rules
 *   build.mjs                  calls lintBuild(metafile) on its own metafile: a violation fails the build
 *
 * Each file is transpiled by esbuild first, which drops comments and types, so a rule word in a
 * comment does not trip it; a rule word in a string literal does (fail safe: rename the string).
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** style.md §2: code in `from` must not import (at run time) anything matching `to`. */
const BOUNDARIES = [
  { from: /^src\/(kb|sources)\//, to: /^(src\/(content|background|ui|popup|options|db)\/|src\/browser\.ts$|src\/messages\.ts$|src\/settings\.ts$|node_modules\/(preact|webextension-polyfill|idb)\/)/, why: 'src/kb and src/sources are pure: no DOM, browser APIs or Preact' },
  { from: /^src\/ui\//, to: /^(src\/(content|background|popup|options|db)\/|src\/browser\.ts$|src\/messages\.ts$|src\/settings\.ts$)/, why: 'src/ui components take props and callbacks only' },
  { from: /^src\/content\//, to: /^(src\/(background|popup|options|db|sources)\/|src\/kb\/(?!card\.ts$|model\.ts$|spot\.ts$))/, why: 'the content script only collects text, places marks and shows cards: no knowledge-base code' },
  { from: /^src\/background\//, to: /^src\/(content|ui|popup|options)\//, why: 'the background does not import page or UI code' },
  { from: /^src\/(popup|options)\//, to: /^src\/(content|background)\//, why: 'extension pages talk to the background through messages' },
  { from: /^src\/(?!browser\.ts$)/, to: /^node_modules\/webextension-polyfill\//, why: 'webextension-polyfill is imported only by src/browser.ts' },
];

/** Properties and calls that turn strings into markup. */
const HTML_SINKS = [
  { re: /\.\s*(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)\b/, what: '$1' },
  { re: /\[\s*(['"`])(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)\1\s*\]/, what: '$2' },
  { re: /\bdocument\s*\.\s*write(ln)?\b/, what: 'document.write$1' },
  { re: /\bdangerouslySetInnerHTML\b/, what: 'dangerouslySetInnerHTML' },
  { re: /\bparseHTMLUnsafe\b/, what: 'parseHTMLUnsafe' },
];

const ENTRIES = ['src/background/index.ts', 'src/content/index.ts', 'src/content/card-ui.tsx', 'src/popup/main.tsx', 'src/options/main.tsx', 'src/options/import-worker.ts'];

/** Import-boundary violations in an esbuild metafile (paths relative to the repo root). */
export function checkBoundaries(metafile) {
  const problems = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const rule of BOUNDARIES) {
      if (!rule.from.test(file)) continue;
      for (const imported of input.imports) {
        if (imported.external || !rule.to.test(imported.path)) continue;
        problems.push(`${file} imports ${imported.path}: ${rule.why}`);
      }
    }
  }
  return problems;
}

/** Markup sinks in the source files under src/. */
export function checkHtmlSinks(dir = path.join(ROOT, 'src')) {
  const problems = [];
  for (const file of listSources(dir)) {
    const source = fs.readFileSync(file, 'utf8');
    const loader = file.endsWith('.tsx') ? 'tsx' : 'ts';
    const { code } = esbuild.transformSync(source, { loader, jsx: 'preserve', legalComments: 'none', sourcefile: file });
    for (const [index, line] of code.split('\n').entries()) {
      for (const sink of HTML_SINKS) {
        const match = sink.re.exec(line);
        if (!match) continue;
        const what = sink.what.replace(/\$(\d)/g, (_, n) => match[Number(n)] ?? '');
        problems.push(`${path.relative(ROOT, file)}: uses ${what} (transpiled line ${index + 1}: ${line.trim().slice(0, 100)}); build nodes with DOM calls or Preact`);
      }
    }
  }
  return problems;
}

function listSources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Runs every rule; throws with the list of problems if there is any. For build.mjs. */
export function lintBuild(metafile) {
  const problems = [...checkBoundaries(metafile), ...checkHtmlSinks()];
  if (problems.length > 0) throw new Error(`lint: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    write: false,
    outdir: 'lint-out',
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __TEST__: 'false', __BROWSER__: '"chrome"' },
    loader: { '.json': 'json' },
    metafile: true,
    logLevel: 'error',
  });
  try {
    lintBuild(result.metafile);
    console.log(`lint: ${Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/')).length} modules, import boundaries and markup sinks clean`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
