/**
 * Builds the extension for Chrome and Firefox from one source tree and one manifest.json:
 *   node build.mjs           release build → dist/chrome, dist/firefox, and a zip of each
 *   node build.mjs --test    test build: open card shadow root, popup reachable from test pages in Firefox
 * Steps per browser: clean → bundle (esbuild) → copy static files → write manifest → zip.
 */
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { lintBuild } from './tools/lint.mjs';

const TEST = process.argv.includes('--test');
// Another output folder (BACKSTORY_DIST=dist-x) lets parallel work build and test without clobbering dist/.
const DIST = process.env.BACKSTORY_DIST ?? 'dist';
const BROWSERS = ['chrome', 'firefox'];
const ENTRIES = [
  { in: 'src/background/index.ts', out: 'background' },
  { in: 'src/popup/main.tsx', out: 'popup/main' },
  { in: 'src/options/main.tsx', out: 'options/main' },
  { in: 'src/options/import-worker.ts', out: 'options/import-worker' },
  { in: 'src/background/rebuild-worker.ts', out: 'rebuild-worker' }, // Firefox: list updates compile off the event page's thread
];
// The content script is injected into every page, so it is built on its own: a classic IIFE script
// (content scripts must be) using the browsers' own `browser`/`chrome` instead of
// webextension-polyfill (src/content/extension-api.ts), and without the card's renderer, which is a
// separate ES module it imports on first use (src/content/card-loader.ts; web-accessible in manifest.json).
const CONTENT = { in: 'src/content/index.ts', out: 'content' };
const CARD_UI = { in: 'src/content/card-ui.tsx', out: 'card-ui' };
/** Inputs that belong in card-ui.js, never in content.js (checked on every build). */
const NOT_IN_CONTENT = /^(node_modules\/(preact|@floating-ui|webextension-polyfill)\/|src\/ui\/)/;
/** The renderer holds code only: no browser API, no messages, no settings. */
const NOT_IN_CARD_UI = /^(node_modules\/webextension-polyfill\/|src\/(browser|i18n|messages|settings)\.ts$)/;
const STATIC = [
  { from: 'src/content/content.css', to: 'content.css' },
  { from: 'src/popup/index.html', to: 'popup/index.html' },
  { from: 'src/popup/popup.css', to: 'popup/popup.css' },
  { from: 'src/options/index.html', to: 'options/index.html' },
  { from: 'src/options/options.css', to: 'options/options.css' },
  // Every locale's messages (manifest default_locale, browser.i18n); one folder per language.
  ...fs.readdirSync('_locales').map((lang) => ({ from: `_locales/${lang}/messages.json`, to: `_locales/${lang}/messages.json` })),
  ...[16, 32, 48, 128].map((size) => ({ from: `icons/icon-${size}.png`, to: `icons/icon-${size}.png` })),
];
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

/**
 * world-countries ships 1.4 MB of JSON (translations, flags, borders…); the extension reads a
 * handful of fields. Serve a slimmed copy to the bundler instead of the whole file.
 */
const COUNTRY_FIELDS = ['cca2', 'altSpellings', 'capital', 'region', 'subregion', 'unMember'];
const slimCountries = {
  name: 'slim-world-countries',
  setup(build) {
    build.onLoad({ filter: /world-countries[\\/]countries\.json$/ }, async (args) => {
      const all = JSON.parse(await fs.promises.readFile(args.path, 'utf8'));
      const slim = all.map((c) => ({
        ...Object.fromEntries(COUNTRY_FIELDS.map((f) => [f, c[f]])),
        name: { common: c.name.common, official: c.name.official },
        demonyms: c.demonyms?.eng ? { eng: c.demonyms.eng } : undefined,
      }));
      return { contents: JSON.stringify(slim), loader: 'json' };
    });
  },
};

async function bundle(outdir, browser) {
  const options = {
    outdir,
    bundle: true,
    target: browser === 'chrome' ? 'chrome120' : 'firefox140',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true, // the content script is injected into every page: keep it small
    sourcemap: TEST ? 'linked' : false,
    legalComments: 'linked',
    define: { __TEST__: String(TEST), __BROWSER__: JSON.stringify(browser) },
    plugins: [slimCountries],
    metafile: true,
    logLevel: 'warning',
    logOverride: { 'direct-eval': 'error' },
  };
  const results = await Promise.all([
    esbuild.build({ ...options, entryPoints: ENTRIES, format: 'iife' }), // the Chrome worker is a classic script
    esbuild.build({ ...options, entryPoints: [CONTENT], format: 'iife', alias: { 'webextension-polyfill': './src/content/extension-api.ts' } }),
    esbuild.build({ ...options, entryPoints: [CARD_UI], format: 'esm' }),
  ]);
  if (results.some((r) => r.warnings.length > 0)) throw new Error(`esbuild warnings in the ${browser} build`);
  checkSplit(results[1].metafile, NOT_IN_CONTENT, 'content.js');
  checkSplit(results[2].metafile, NOT_IN_CARD_UI, 'card-ui.js');
  return mergeMetafiles(results.map((r) => r.metafile));
}

/** Fails the build if a bundle took in a module that belongs elsewhere (see NOT_IN_CONTENT, NOT_IN_CARD_UI). */
function checkSplit(metafile, forbidden, name) {
  const wrong = Object.keys(metafile.inputs).filter((file) => forbidden.test(file));
  if (wrong.length > 0) throw new Error(`${name} must not include ${wrong.join(', ')}`);
}

/** One metafile for the lint and the size report; a module in several bundles keeps every import it has in any. */
function mergeMetafiles(metafiles) {
  const inputs = {};
  for (const { inputs: more } of metafiles) {
    for (const [file, input] of Object.entries(more)) {
      inputs[file] = inputs[file] ? { ...input, imports: [...inputs[file].imports, ...input.imports] } : input;
    }
  }
  return { inputs, outputs: Object.assign({}, ...metafiles.map((m) => m.outputs)) };
}

function copyStatic(outdir) {
  for (const file of STATIC) {
    fs.mkdirSync(path.dirname(path.join(outdir, file.to)), { recursive: true });
    fs.copyFileSync(file.from, path.join(outdir, file.to));
  }
}

/** The base manifest, with the key each browser does not use removed so neither store warns. */
function writeManifest(outdir, browser) {
  const manifest = JSON.parse(fs.readFileSync('manifest.json', 'utf8'));
  manifest.version = pkg.version;
  // Test build only: list downloads from a local server (a mirror on 127.0.0.1) need its host
  // permission, and a headless browser cannot click the optional-permission prompt. Release
  // builds ask for each publisher's host when the user enables its list.
  if (TEST) manifest.host_permissions = ['http://127.0.0.1/*'];
  if (browser === 'chrome') {
    delete manifest.background.scripts;
    delete manifest.browser_specific_settings;
  } else {
    delete manifest.background.service_worker;
    // Firefox does not know use_dynamic_url (it would warn at install); its moz-extension:// host
    // is already a random one per install.
    for (const entry of manifest.web_accessible_resources) delete entry.use_dynamic_url;
    // Test build only: BiDi cannot open moz-extension:// pages, but a test page may navigate to a
    // web-accessible popup (shared/docs/browser-testing.md, "Firefox pitfalls").
    if (TEST) manifest.web_accessible_resources.push({ resources: ['popup/index.html', 'options/index.html'], matches: ['http://127.0.0.1/*'] });
  }
  fs.writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

function zip(outdir, browser) {
  const files = {};
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(outdir, full).split(path.sep).join('/')] = new Uint8Array(fs.readFileSync(full));
    }
  };
  walk(outdir);
  const target = `${DIST}/backstory-${pkg.version}-${browser}${TEST ? '-test' : ''}.zip`;
  fs.writeFileSync(target, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return target;
}

function report(metafile, browser) {
  const sizes = Object.entries(metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => `${path.basename(path.dirname(file)) === browser ? '' : `${path.basename(path.dirname(file))}/`}${path.basename(file)} ${(out.bytes / 1024).toFixed(1)} KB`);
  console.log(`${browser}: ${sizes.join(', ')}`);
}

for (const browser of BROWSERS) {
  const outdir = `${DIST}/${browser}`;
  fs.rmSync(outdir, { recursive: true, force: true });
  const metafile = await bundle(outdir, browser);
  lintBuild(metafile); // import boundaries and markup sinks (tools/lint.mjs): a violation fails the build
  copyStatic(outdir);
  writeManifest(outdir, browser);
  report(metafile, browser);
  console.log(`  → ${zip(outdir, browser)}`);
}
