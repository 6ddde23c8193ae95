import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Vitest global setup: compiles the server to dist/ when it is missing or older than src/ (about a
 * second; nothing when up to date), so tests that spawn the real server run what `npm start` runs.
 */
export default function buildServerOnce(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the server (scripts/build-server.mjs) failed');
}
