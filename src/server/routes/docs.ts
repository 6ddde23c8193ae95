import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { App } from '../app-env.js';
import { registerClientApiDocs } from './client-api-docs.js';

/** The swagger-ui-dist files /docs needs, served by Sluice itself (no CDN). */
const assetTypes: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const initializer = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
});
`;

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sluice API reference</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/assets/initializer.js"></script>
</body>
</html>
`;

/** `GET /openapi.json` generated from the route schemas, and `GET /docs` rendering it. No auth. */
export function registerDocsRoutes(app: App, context: AppContext): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A Sluice API key (`amq-…`); admin routes need an admin key.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKeyHeader', { type: 'apiKey', in: 'header', name: 'x-api-key' });
  registerClientApiDocs(app);

  app.get('/openapi.json', (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Sluice',
          version: context.version,
          description: 'Self-hosted LLM API gateway: one OpenAI- and Anthropic-compatible API over a pool of upstream accounts.',
        },
      }),
    ),
  );

  const assetDirectory = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/docs', (c) => c.html(page));
  app.get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (file === 'initializer.js') return c.body(initializer, 200, { 'content-type': 'text/javascript; charset=utf-8' });
    const type = assetTypes[file];
    if (!type) return c.notFound();
    const content = await fs.readFile(path.join(assetDirectory, file));
    return c.body(content, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
