import fs from 'node:fs';
import { apiTypesFile, renderApiTypes } from './render-api-types.js';

// Writes web/src/api/generated/sluice-api.ts from the server's OpenAPI document.
const text = await renderApiTypes();
fs.writeFileSync(apiTypesFile, text);
console.log(`generate-api-types: wrote ${apiTypesFile} (${text.length} characters)`);
