// Builds the admin UI (web/) when web/dist is missing or older than its sources; fast when up to date.
// Runs before `npm start`. A failed build does not stop the server: /admin/dashboard then answers 503.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');
const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((entry) => path.join(web, entry));

function newestModification(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, child)));
  return newest;
}

const force = process.argv.includes('--force');
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newestModification));

if (!force && builtAt > 0 && builtAt >= sourcesAt) {
  process.exit(0);
}
if (!existsSync(path.join(web, 'package.json'))) {
  console.warn('build-web: web/ not found; skipping the admin UI build');
  process.exit(0);
}
console.log(builtAt === 0 ? 'build-web: building the admin UI (web/dist is missing)…' : 'build-web: rebuilding the admin UI (sources changed)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// A production bundle even when called from a test runner that sets NODE_ENV=test.
const result = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
if (result.status !== 0) {
  console.warn('build-web: the admin UI build failed; the API still starts, and /admin/dashboard answers 503 until `npm run build -w web` succeeds.');
  process.exit(process.argv.includes('--strict') ? 1 : 0);
}
