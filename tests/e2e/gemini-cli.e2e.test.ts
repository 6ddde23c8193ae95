import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../support/start-server-process.js';
import { modelFor, startSluiceUnderTest, type SluiceUnderTest } from './sluice-under-test.js';

const geminiBinary = path.join(repositoryRoot, 'node_modules/.bin/gemini');
const hasCli = existsSync(geminiBinary);
if (!hasCli) console.log('Gemini CLI e2e skipped: node_modules/.bin/gemini is missing (npm ci installs @google/gemini-cli).');

interface CliOutput {
  response?: string;
  stats?: { tools?: { totalCalls: number; totalSuccess: number } };
}

/** Runs the real Gemini CLI headless in a fresh home and workspace, pointed at Sluice with a Sluice key. */
function runGeminiCli(sluice: SluiceUnderTest, home: string, model: string, prompt: string): Promise<{ output: CliOutput; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      geminiBinary,
      ['-p', prompt, '-m', model, '--yolo', '--output-format', 'json'],
      {
        cwd: home,
        timeout: 90_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          GEMINI_API_KEY: sluice.harness.adminKey,
          GOOGLE_GEMINI_BASE_URL: sluice.url,
          GEMINI_CLI_NO_RELAUNCH: 'true',
          GEMINI_CLI_TRUST_WORKSPACE: 'true',
        },
      },
      (error, stdout, stderr) => {
        try {
          resolve({ output: JSON.parse(stdout) as CliOutput, stderr });
        } catch {
          reject(new Error(`gemini exited (${error?.message ?? 'no error'}) without JSON output:\n${stdout}\n${stderr.slice(-4000)}`));
        }
      },
    );
  });
}

/**
 * Gemini CLI (the real binary from npm), headless, reads a file through its own `read_file` tool
 * and answers from it, through Sluice, on accounts of several types. The upstream's second call
 * must carry the file's content as the tool result.
 */
describe.skipIf(!hasCli)('Gemini CLI through Sluice', () => {
  let sluice: SluiceUnderTest;
  let home: string;
  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
    home = mkdtempSync(path.join(tmpdir(), 'sluice-gemini-cli-'));
    mkdirSync(path.join(home, '.gemini'));
    // Headless with a custom base URL, the CLI starts only with the API-key auth type chosen.
    writeFileSync(path.join(home, '.gemini', 'settings.json'), JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }));
    writeFileSync(path.join(home, 'secret.txt'), 'The password is swordfish.\n');
  });
  afterAll(async () => {
    await sluice?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it.each(['gemini', 'anthropic', 'openai', 'amazonq'] as const)('calls read_file and answers from its result on a %s account', async (provider) => {
    const before = sluice.upstreamBodies(provider).length;
    sluice.scriptToolCalls(provider, [{ id: `call_${provider}_read`, name: 'read_file', input: { file_path: path.join(home, 'secret.txt') } }]);
    sluice.scriptText(provider, 'The password is swordfish.');
    const { output, stderr } = await runGeminiCli(sluice, home, modelFor(provider), 'Read secret.txt and tell me the password.');
    expect(output.response, stderr).toContain('swordfish');
    expect(output.stats?.tools).toMatchObject({ totalCalls: 1, totalSuccess: 1 });
    const bodies = sluice.upstreamBodies(provider).slice(before);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toContain('The password is swordfish.');
  }, 120_000);
});
