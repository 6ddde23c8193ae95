import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, renderApiTypes } from '../../scripts/api-types/render-api-types.js';

describe('the admin UI API types', () => {
  it('match the server OpenAPI document (run `npm run generate:api-types` after changing a route schema)', async () => {
    const committed = fs.readFileSync(apiTypesFile, 'utf8');
    expect(committed === (await renderApiTypes()), 'web/src/api/generated/sluice-api.ts is out of date: run npm run generate:api-types').toBe(true);
  });
});
