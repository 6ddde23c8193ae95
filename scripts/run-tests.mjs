// `npm test`: the server suite (vitest at the root) and the admin UI suite (web/), both always run.
// Builds what the tests need first (compiled server in dist/, admin UI in web/dist when missing or stale),
// prints one summary line per suite, and exits non-zero when either suite (or a build) failed.
// Extra arguments go to the server suite: `npm test -- src/pool`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const passed = result.status === 0;
  return { label, passed, line: `${passed ? 'PASS' : 'FAIL'}  ${label} (${seconds} s${passed ? '' : `, exit ${result.status ?? result.signal}`})` };
}

const results = [];
const builds = [
  run('build: server (dist/)', process.execPath, [path.join(root, 'scripts/build-server.mjs')]),
  run('build: admin UI (web/dist)', process.execPath, [path.join(root, 'scripts/build-web.mjs'), '--strict']),
];
results.push(...builds);
results.push(run('server tests (vitest run)', process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]));
results.push(run('admin UI tests (npm test -w web)', npm, ['test', '-w', 'web']));

console.log('\nTest summary');
for (const result of results) console.log(`  ${result.line}`);
process.exit(results.every((result) => result.passed) ? 0 : 1);
