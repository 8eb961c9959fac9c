/**
 * Serves the demo article on http://127.0.0.1:8080/ so the freshly built extension has a page to
 * mark (content scripts do not run on file:// pages without an extra permission).
 */
import http from 'node:http';
import fs from 'node:fs';

const PORT = Number(process.env.PORT ?? 8080);
const page = fs.readFileSync(new URL('../demo/article.html', import.meta.url));

http
  .createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  })
  .listen(PORT, '127.0.0.1', () => {
    console.log(`Demo article: http://127.0.0.1:${PORT}/`);
    console.log('Load dist/chrome (chrome://extensions → Developer mode → Load unpacked) or');
    console.log('dist/firefox/manifest.json (about:debugging → This Firefox → Load Temporary Add-on).');
    console.log('Ctrl+C stops the server.');
  });
