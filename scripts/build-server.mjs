// Compiles the server (src/**/*.ts, tests excluded) to plain JavaScript in dist/, one file per source file,
// so production runs `node dist/main.js` with no TypeScript transpiler loaded. Type checking is separate
// (`npm run typecheck`); this only strips types, which `isolatedModules` + `verbatimModuleSyntax` make safe.
//
//   node scripts/build-server.mjs            build when dist/ is missing or older than src/ (fast when up to date)
//   node scripts/build-server.mjs --force    always build
//
// A production install builds once with dev dependencies, then `npm ci --omit=dev`: esbuild is then
// absent, and an up-to-date dist/ is used as it is.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDirectory = path.join(root, 'src');
const outputDirectory = path.join(root, 'dist');
const stamp = path.join(outputDirectory, '.build-stamp');

function listSources(directory, found = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__fixtures__') listSources(full, found);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

function newestModification(directory) {
  let newest = statSync(directory).mtimeMs;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const force = process.argv.includes('--force');
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (!force && builtAt > 0 && builtAt >= newestModification(sourceDirectory)) process.exit(0);

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  if (builtAt > 0 && !force) {
    console.warn('build-server: src/ changed since dist/ was built, but esbuild is not installed (production install?); using the existing dist/.');
    process.exit(0);
  }
  console.error('build-server: dist/ is missing and esbuild is not installed. Build with dev dependencies first: `npm ci && npm run build`, then `npm ci --omit=dev`.');
  process.exit(1);
}

const started = Date.now();
rmSync(outputDirectory, { recursive: true, force: true });
const entryPoints = listSources(sourceDirectory);
await esbuild.build({
  entryPoints,
  outdir: outputDirectory,
  outbase: sourceDirectory,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log(`build-server: compiled ${entryPoints.length} files to dist/ in ${Date.now() - started} ms`);
