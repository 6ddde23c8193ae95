import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
}

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

  function runCodex(model: string, prompt: string, provider: { supportsWebsockets?: boolean } = {}): Promise<CodexRun> {
    const home = mkdtempSync(join(tmpdir(), 'sluice-codex-home-'));
    const workdir = mkdtempSync(join(tmpdir(), 'sluice-codex-work-'));
    homes.push(home, workdir);
    writeFileSync(
      join(home, 'config.toml'),
      [
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
        (error, stdout, stderr) => resolveRun({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, elapsedMs: Date.now() - started }),
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

  it('a Codex provider that tries WebSockets first gets a prompt 426 and falls back to HTTP', async () => {
    sluice.scriptText('anthropic', 'Answered over HTTP.');
    const run = await runCodex(modelFor('anthropic'), 'Say hello.', { supportsWebsockets: true });
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stdout).toContain('Answered over HTTP.');
    expect(run.elapsedMs).toBeLessThan(30_000);
  }, 120_000);
});
