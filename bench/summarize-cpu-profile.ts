/**
 * Reads a V8 CPU profile (`.cpuprofile`, as written by `BENCH_PROFILE_DIR`) and prints where the
 * time went: the top functions by self time, the top by inclusive time (each function counted once
 * per stack), self time per origin (a package, Node's internals, or a source file of ours), and time
 * by owner: each sample charged to the nearest source file of ours on its stack, with the library and
 * runtime work it called, or, where no file of ours is on the stack (socket reads, timers, the
 * collector), to the first frame under the event loop. Owners show what each of our files costs
 * in all, which self time spreads over the libraries it calls.
 * Shares are of the busy time: idle samples and module loading (start-up) are left out, so a short,
 * lightly loaded run still shows what a request costs.
 *
 *   npx tsx bench/summarize-cpu-profile.ts profile.cpuprofile [rows]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: summarize-cpu-profile <file.cpuprofile> [rows]');
const rows = Number(rowsArgument ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortUrl = (url: string): string => {
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1]!;
  if (url.startsWith('node:')) return url;
  const sourceMatch = /\/(dist|src|bench)\/(.*)$/.exec(url);
  return sourceMatch ? `${sourceMatch[1]}/${sourceMatch[2]}` : url || '(native)';
};
const label = (node: ProfileNode): string =>
  `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
const originOf = (node: ProfileNode): string => {
  const url = node.callFrame.url;
  if (!url) return node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  return shortUrl(url);
};

const isOurs = (node: ProfileNode): boolean => /\/(dist|src)\//.test(node.callFrame.url) && !node.callFrame.url.includes('node_modules');
/** The event loop's own frames (and native ones such as the microtask runner): a sample with no file of ours is named by the first frame under them. */
const isLoopFrame = (node: ProfileNode): boolean =>
  !node.callFrame.url || node.callFrame.url.startsWith('node:internal/process/') || node.callFrame.url.startsWith('node:internal/timers');
const ownerOf = (stack: ProfileNode[]): string => {
  const ours = stack.find(isOurs);
  if (ours) return shortUrl(ours.callFrame.url);
  const first = [...stack].reverse().find((node) => !isLoopFrame(node)) ?? stack[0]!;
  return `(not ours) ${label(first)}`;
};

const isStartup = (node: ProfileNode): boolean => node.callFrame.url.startsWith('node:internal/modules/');
const stackOf = (leaf: ProfileNode): ProfileNode[] => {
  const stack: ProfileNode[] = [];
  for (let current: ProfileNode | undefined = leaf; current; current = byId.get(parentOf.get(current.id) ?? -1)) stack.push(current);
  return stack;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const origins = new Map<string, number>();
const owners = new Map<string, number>();
let total = 0;
for (let index = 0; index < profile.samples.length; index += 1) {
  const delta = profile.timeDeltas[index] ?? 0;
  const node = byId.get(profile.samples[index]!);
  if (!node || node.callFrame.functionName === '(idle)') continue;
  const stack = stackOf(node);
  if (stack.some(isStartup)) continue;
  total += delta;
  self.set(label(node), (self.get(label(node)) ?? 0) + delta);
  origins.set(originOf(node), (origins.get(originOf(node)) ?? 0) + delta);
  const owner = ownerOf(stack);
  owners.set(owner, (owners.get(owner) ?? 0) + delta);
  const seen = new Set<string>();
  for (const current of stack) {
    const name = label(current);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
  }
}

const print = (title: string, values: Map<string, number>): void => {
  console.log(`\n${title}`);
  for (const [name, time] of [...values].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`${(total / 1e6).toFixed(1)} s busy (idle and module loading left out)`);
print('self time', self);
print('inclusive time', inclusive);
print('self time by origin', origins);
print('time by owner (the nearest file of ours on the stack, with what it called)', owners);
