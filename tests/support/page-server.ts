import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT, SHARED_DIR } from './shared';

/**
 * A local HTTP server on 127.0.0.1 (ephemeral port) for browser tests:
 *   /corpus/<file>    ../shared/corpus/pages/<file> (real saved news pages)
 *   /fixtures/<file>  tests/fixtures/pages/<file>   (pages written for the project)
 *   /demo/<file>      demo/<file>
 * Extra routes can be added per test (`routes`), e.g. to serve list files with chosen failures.
 */
export type Route = (request: http.IncomingMessage, response: http.ServerResponse) => boolean;

export interface PageServer {
  origin: string;
  url(pathname: string): string;
  routes: Route[];
  close(): Promise<void>;
}

const ROOTS: Record<string, string> = {
  corpus: path.join(SHARED_DIR, 'corpus', 'pages'),
  fixtures: path.join(REPO_ROOT, 'tests', 'fixtures', 'pages'),
  demo: path.join(REPO_ROOT, 'demo'),
};

export async function startPageServer(): Promise<PageServer> {
  const routes: Route[] = [];
  const server = http.createServer((request, response) => {
    for (const route of routes) if (route(request, response)) return;
    const [, root, ...rest] = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).split('/');
    const base = root ? ROOTS[root] : undefined;
    const file = base ? path.resolve(base, rest.join('/')) : '';
    if (!base || !file.startsWith(base + path.sep) || !fs.existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' };
    // A fixture may ask for a strict CSP by its name, to test the card's styles under it.
    if (file.includes('strict-csp')) headers['content-security-policy'] = "default-src 'none'; style-src 'self'";
    response.writeHead(200, headers);
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => `${origin}${pathname}`,
    routes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The set-up most end-to-end suites share, registered as the calling suite's hooks: before its
 * tests, a page server and then a browser from `launch` (launchChromium, launchFirefox); after them,
 * the browser closed, then the server. `onStarted` hands both to the suite's own variables, so the
 * tests read as before. Lives here rather than in chromium.ts or firefox.ts because the benchmarks
 * (tools/bench, run by tsx outside Vitest) import those, and this registers Vitest hooks.
 * A launch that throws still leaves the server to be closed: closing skips whatever never started.
 */
export function servePagesAndLaunch<Browser extends { close(): Promise<void> }>(
  launch: () => Promise<Browser>,
  onStarted: (started: { server: PageServer; browser: Browser }) => void,
): void {
  let server: PageServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startPageServer();
    browser = await launch();
    onStarted({ server, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
