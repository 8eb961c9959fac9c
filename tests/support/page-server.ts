import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
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
