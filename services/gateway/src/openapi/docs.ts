import { dirname } from 'node:path';
import type { Express, RequestHandler } from 'express';
import { AppError } from '@gov/platform';
import { locals } from '../http/locals';
import { openApiDocument } from './openapi';

// Relative URLs keep the page working when an ingress serves the gateway under a path prefix.
const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Government office platform API</title>
  <link rel="stylesheet" href="docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="docs/assets/swagger-ui-bundle.js"></script>
  <script src="docs/init.js"></script>
</body>
</html>
`;

// A separate script rather than inline, so a strict Content-Security-Policy can forbid inline code.
const init = `window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

/** Only the files the page loads; the package also ships a demo page pointing at a public pet store. */
const assets = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

const label =
  (route: string): RequestHandler =>
  (_req, res, next) => {
    locals(res).route = route;
    next();
  };

/** GET /openapi.json and a Swagger UI page at GET /docs, served from the installed package (no CDN). */
export function mountDocs(app: Express): void {
  // resolved through package.json: requiring the package itself would load the 1.5 MB browser bundle
  const dir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const body = JSON.stringify(openApiDocument);
  app.get('/openapi.json', label('/openapi.json'), (_req, res) => {
    res.type('application/json').send(body);
  });
  app.get('/docs', label('/docs'), (_req, res) => {
    res.type('html').send(page);
  });
  app.get('/docs/init.js', label('/docs/init.js'), (_req, res) => {
    res.type('text/javascript').send(init);
  });
  app.get('/docs/assets/:file', label('/docs/assets/:file'), (req, res, next) => {
    const file = String(req.params.file);
    if (!assets.has(file)) return next(new AppError('NOT_FOUND', 'not_found', `no asset ${file}`));
    res.sendFile(file, { root: dir, maxAge: '1d' });
  });
}
