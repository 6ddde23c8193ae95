// Replays the Dockerfile without Docker, for machines that cannot pull base images: each stage gets its own
// folder in a temporary directory, WORKDIR/COPY/RUN/ENV are carried out there (RUN through bash, in the
// stage's WORKDIR), steps preceded by a `# replay: skip` comment are left out, and COPY . takes the
// repository's files minus .dockerignore. Then it starts the final stage's CMD with the final ENV (PORT,
// HOST and DATA_DIR moved to a free local port and a temp folder) and checks /health and /admin/dashboard/.
//
//   node scripts/replay-dockerfile.mjs [--keep]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-dockerfile-'));
const log = (message) => console.log(`replay: ${message}`);

const lines = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ').split('\n');
const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
const isIgnored = (file) =>
  ignored.some((pattern) => (pattern.startsWith('*') ? file.endsWith(pattern.slice(1)) : pattern.endsWith('*') ? path.basename(file).startsWith(pattern.slice(0, -1)) : file === pattern || file.startsWith(`${pattern}/`)));

const stages = new Map();
let stage;
let skipNext = false;
const args = new Map();
const expand = (text) => text.replace(/\$\{(\w+)\}/g, (_, name) => stage?.env[name] ?? args.get(name) ?? '');
const hostPath = (current, target) => path.join(current.root, path.posix.resolve(current.workdir, target));

function copyInto(sources, destination) {
  const intoDirectory = destination.endsWith('/') || sources.length > 1 || destination === '.' || destination === './';
  for (const [from, relative] of sources) {
    const target = intoDirectory ? path.join(hostPath(stage, destination), relative) : hostPath(stage, destination);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(from, target, { recursive: true });
  }
}

for (const rawLine of lines) {
  const line = rawLine.trim();
  if (/^#\s*replay:\s*skip/.test(line)) skipNext = true;
  if (line === '' || line.startsWith('#')) continue;
  const [instruction, ...restWords] = line.split(/\s+/);
  const rest = line.slice(instruction.length).trim();
  const skip = skipNext;
  skipNext = false;
  switch (instruction.toUpperCase()) {
    case 'ARG': {
      const [name, value = ''] = rest.split('=');
      args.set(name, value);
      break;
    }
    case 'FROM': {
      const name = restWords[2] ?? `stage${stages.size}`;
      stage = { name, root: path.join(workspace, name), workdir: '/', env: {} };
      fs.mkdirSync(stage.root, { recursive: true });
      stages.set(name, stage);
      log(`stage ${name} (from ${expand(restWords[0])})`);
      break;
    }
    case 'WORKDIR':
      stage.workdir = path.posix.resolve(stage.workdir, rest);
      fs.mkdirSync(hostPath(stage, '.'), { recursive: true });
      break;
    case 'ENV':
      for (const pair of rest.match(/\w+=("[^"]*"|\S+)/g) ?? []) {
        const [name, ...value] = pair.split('=');
        stage.env[name] = value.join('=').replace(/^"|"$/g, '');
      }
      break;
    case 'COPY': {
      const words = restWords.filter((word) => !word.startsWith('--chown'));
      const fromFlag = words.find((word) => word.startsWith('--from='));
      const paths = words.filter((word) => !word.startsWith('--'));
      const destination = paths.pop();
      if (skip) break;
      if (fromFlag) {
        const source = stages.get(fromFlag.slice('--from='.length));
        copyInto(paths.map((item) => [path.join(source.root, item), path.basename(item)]), destination);
      } else if (paths.length === 1 && paths[0] === '.') {
        const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
        copyInto(files.filter((file) => !isIgnored(file) && fs.existsSync(path.join(root, file))).map((file) => [path.join(root, file), file]), destination);
      } else copyInto(paths.map((item) => [path.join(root, item), path.basename(item)]), destination);
      log(`  COPY ${rest}`);
      break;
    }
    case 'RUN': {
      if (skip) {
        log(`  skipped: RUN ${rest}`);
        break;
      }
      log(`  RUN ${rest}`);
      const started = Date.now();
      const result = spawnSync('bash', ['-euo', 'pipefail', '-c', rest], { cwd: hostPath(stage, '.'), stdio: 'inherit', env: { ...process.env, ...stage.env } });
      if (result.status !== 0) throw new Error(`RUN ${rest} failed with ${result.status} (workspace kept: ${workspace})`);
      log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      break;
    }
    case 'CMD':
      stage.cmd = JSON.parse(rest);
      break;
    case 'USER': case 'VOLUME': case 'EXPOSE': case 'HEALTHCHECK': case 'STOPSIGNAL': case 'LABEL':
      break;
    default:
      throw new Error(`replay does not know ${instruction}`);
  }
}

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const dataDirectory = path.join(workspace, 'data');
const [command, ...commandArgs] = stage.cmd;
log(`starting ${stage.cmd.join(' ')} in ${stage.name}`);
const child = spawn(command === 'node' ? process.execPath : command, commandArgs, {
  cwd: hostPath(stage, '.'),
  env: { PATH: process.env.PATH, ...stage.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDirectory },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let failure;
try {
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let healthy = false;
  while (!healthy && Date.now() < deadline && child.exitCode === null) {
    healthy = await fetch(`${base}/health`).then((response) => response.ok, () => false);
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!healthy) throw new Error('/health did not answer 200 within 60 s');
  log('GET /health -> 200');
  const dashboard = await fetch(`${base}/admin/dashboard/`);
  const page = await dashboard.text();
  if (dashboard.status !== 200 || !page.includes('<div id="root">')) throw new Error(`/admin/dashboard/ answered ${dashboard.status}`);
  log('GET /admin/dashboard/ -> 200 (the built admin UI)');
  const stray = ['tsx', 'typescript', 'esbuild', 'vite', 'antd', 'vitest'].filter((name) => fs.existsSync(path.join(hostPath(stage, '.'), 'node_modules', name)));
  if (stray.length > 0) throw new Error(`the final stage holds build-time packages: ${stray.join(', ')}`);
  log('the final stage holds no TypeScript, bundler, test or UI packages');
} catch (error) {
  failure = error;
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
  log(`server stopped on SIGTERM with exit code ${child.exitCode}`);
  if (!process.argv.includes('--keep')) fs.rmSync(workspace, { recursive: true, force: true });
}
if (failure) {
  console.error(`replay: FAILED: ${failure.message}`);
  process.exit(1);
}
log('OK');
