import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFor, providerCases, startSluiceUnderTest, type ProviderCase, type SluiceUnderTest } from './sluice-under-test.js';

const codexBinary = resolve('node_modules/.bin/codex');

/** Why the real CLI cannot run here, or undefined when it can. */
function codexUnavailable(): string | undefined {
  if (!existsSync(codexBinary)) return `${codexBinary} is missing (npm ci installs @openai/codex)`;
  try {
    execFileSync(codexBinary, ['--version'], { timeout: 20_000, stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `codex --version failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

const unavailable = codexUnavailable();
if (unavailable) console.warn(`Skipping the Codex CLI e2e test: ${unavailable}.`);

interface CodexRun {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  workdir: string;
}

/**
 * A model catalog entry (Codex's `model_catalog_json`) so Codex knows our model names and offers
 * its `apply_patch` tool as a custom (free-form grammar) tool, as it does for its own models.
 */
const catalogEntry = (slug: string) => ({
  slug,
  display_name: slug,
  description: null,
  default_reasoning_level: 'medium',
  supported_reasoning_levels: [{ effort: 'medium', description: 'Balanced' }],
  shell_type: 'shell_command',
  visibility: 'list',
  supported_in_api: true,
  priority: 1,
  availability_nux: null,
  upgrade: null,
  base_instructions: 'You are a coding agent. Use the tools you are given.',
  model_messages: null,
  supports_reasoning_summaries: true,
  default_reasoning_summary: 'auto',
  support_verbosity: false,
  default_verbosity: null,
  apply_patch_tool_type: 'freeform',
  truncation_policy: { mode: 'bytes', limit: 10000 },
  supports_parallel_tool_calls: true,
  supports_image_detail_original: false,
  context_window: 200000,
  auto_compact_token_limit: null,
  effective_context_window_percent: 95,
  experimental_supported_tools: [],
  input_modalities: ['text', 'image'],
  supports_search_tool: false,
});

/**
 * The real Codex CLI from npm (`codex exec`), with a fresh CODEX_HOME whose config.toml points a
 * custom `model_providers` entry at Sluice (`wire_api = "responses"`, the client key in an env var),
 * runs a task on every account type: the upstream asks for a shell command through Codex's
 * `exec_command` function tool, Codex runs it, and its output must reach the upstream in the next
 * turn, in that upstream's own wire format, before the final answer is printed.
 */
describe.skipIf(unavailable !== undefined)('Codex CLI × every account type', () => {
  let sluice: SluiceUnderTest;
  const homes: string[] = [];

  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
  });
  afterAll(async () => {
    await sluice?.close();
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });

  function runCodex(model: string, prompt: string, provider: { supportsWebsockets?: boolean; catalog?: boolean } = {}): Promise<CodexRun> {
    const home = mkdtempSync(join(tmpdir(), 'sluice-codex-home-'));
    const workdir = mkdtempSync(join(tmpdir(), 'sluice-codex-work-'));
    homes.push(home, workdir);
    if (provider.catalog) writeFileSync(join(home, 'models.json'), JSON.stringify({ models: [catalogEntry(model)] }));
    writeFileSync(
      join(home, 'config.toml'),
      [
        ...(provider.catalog ? [`model_catalog_json = "${join(home, 'models.json')}"`] : []),
        `model = "${model}"`,
        'model_provider = "sluice"',
        '[model_providers.sluice]',
        'name = "Sluice"',
        `base_url = "${sluice.url}/v1"`,
        'wire_api = "responses"',
        'env_key = "SLUICE_API_KEY"',
        'request_max_retries = 0',
        'stream_max_retries = 0',
        ...(provider.supportsWebsockets ? ['supports_websockets = true'] : []),
        '',
      ].join('\n'),
    );
    const started = Date.now();
    return new Promise((resolveRun) => {
      const child = execFile(
        codexBinary,
        ['exec', '--skip-git-repo-check', '--sandbox', 'danger-full-access', prompt],
        { cwd: workdir, env: { ...process.env, CODEX_HOME: home, SLUICE_API_KEY: sluice.harness.adminKey }, timeout: 90_000 },
        (error, stdout, stderr) => resolveRun({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, elapsedMs: Date.now() - started, workdir }),
      );
      child.stdin?.end();
    });
  }

  /** What the upstream behind `provider` received last, as text. */
  const lastUpstreamBody = (provider: ProviderCase): string => {
    if (provider === 'amazonq' || provider === 'kiro') return JSON.stringify(sluice.amazonq.chatRequests().at(-1)?.body);
    if (provider === 'openai' || provider === 'openai-compatible') return JSON.stringify(sluice.openai.requests.at(-1)?.body);
    if (provider === 'amp') return JSON.stringify(sluice.amp.anthropic.requests.at(-1)?.body);
    return JSON.stringify(sluice.anthropic.requests.at(-1)?.body);
  };

  it.each(providerCases)('codex exec runs a shell command through a %s account and sends its output back', async (provider) => {
    // The command computes its output, so the number can only reach the upstream if Codex really ran it.
    sluice.scriptToolCalls(provider, [{ id: 'call_exec', name: 'exec_command', input: { cmd: 'echo sluice-$((6*7))', login: false } }], 'Running it.');
    sluice.scriptText(provider, 'The command printed sluice-42.');
    const run = await runCodex(modelFor(provider), 'Run the shell command `echo sluice-$((6*7))` and tell me what it printed.');
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toContain('The command printed sluice-42.');
    expect(run.stderr).toContain('succeeded');
    expect(lastUpstreamBody(provider)).toContain('sluice-42');
  }, 120_000);

  it.each(providerCases)('codex exec applies a patch with its custom apply_patch tool through a %s account', async (provider) => {
    const patch = '*** Begin Patch\n*** Add File: hello.txt\n+written through sluice\n*** End Patch\n';
    if (provider === 'openai' || provider === 'openai-compatible') {
      sluice.openai.enqueue({ kind: 'reply', parts: [{ type: 'tool_call', id: 'call_patch', name: 'apply_patch', arguments: patch, custom: true }] });
    } else {
      sluice.scriptToolCalls(provider, [{ id: 'call_patch', name: 'apply_patch', input: { input: patch } }]);
    }
    sluice.scriptText(provider, 'Created hello.txt.');
    const run = await runCodex(modelFor(provider), 'Create hello.txt containing "written through sluice".', { catalog: true });
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(readFileSync(join(run.workdir, 'hello.txt'), 'utf8')).toBe('written through sluice\n');
    expect(run.stdout).toContain('Created hello.txt.');
    // Codex's report of the applied patch reached the upstream in its own format.
    expect(lastUpstreamBody(provider)).toMatch(/Success\. Updated the following files/);
  }, 120_000);

  it('a Codex provider that tries WebSockets first gets a prompt 426 and falls back to HTTP', async () => {
    sluice.scriptText('anthropic', 'Answered over HTTP.');
    const run = await runCodex(modelFor('anthropic'), 'Say hello.', { supportsWebsockets: true });
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toContain('Answered over HTTP.');
    expect(run.elapsedMs).toBeLessThan(30_000);
  }, 120_000);
});
