import { describe, expect, it } from 'vitest';
import { fakeScenarios, type FakeScenario } from '../../../tests/fakes/amazonq-fake.js';
import { collectGarbage } from '../../../tests/support/collect-garbage.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { readEventBatches } from '../../core/event-batches.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { countTokens } from '../../tokens/count-tokens.js';
import { testCallContext } from '../http/test-call-context.js';
import type { ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { createAmazonQAdapter } from './amazonq-adapter.js';
import { useFakeAmazonQ } from './testing/use-fake-amazonq.js';
import { estimateInputTokensByCharacters } from './estimate-tokens.js';

/**
 * A Kiro answer to a coding agent streams for minutes behind a request of hundreds of kilobytes: the
 * stream keeps the request only where the input count needs it (the service did not report its context).
 */

const amazonq = useFakeAmazonQ();
const { dispatcher } = amazonq;

let accounts = 0;
const makeAccount = (): UpstreamAccount => {
  accounts += 1;
  return { id: `kiro-${accounts}`, name: 'kiro', provider: 'kiro', baseUrl: amazonq.fake.url, authUrl: amazonq.fake.url, credentials: { refresh_token: 'r' }, settings: {} };
};

const context = (): ProviderCallContext => testCallContext({ dispatcher });

const agentRequest = (): ChatRequest => ({
  model: 'claude-sonnet-4-5-20250929',
  system: [{ type: 'text', text: 'You are a coding agent. '.repeat(200) }],
  messages: [{ role: 'user', content: [{ type: 'text', text: `Refactor this file:\n${'const value = compute(input);\n'.repeat(2000)}` }] }],
  tools: [],
  stream: true,
});

/** The same answer, without the report of the context it used. */
const unreported = (scenario: FakeScenario): FakeScenario => ({
  frames: scenario.frames?.filter((frame) => !('event' in frame) || frame.event !== 'contextUsageEvent'),
});

const adapter = createAmazonQAdapter('kiro');

/** Starts an answer and reads its first batch; the stream stays open until `finish`. */
async function openAnswer(account: UpstreamAccount, scenario: FakeScenario) {
  amazonq.fake.enqueue(scenario);
  let request: ChatRequest | undefined = agentRequest();
  const held = new WeakRef(request);
  const expected = { counted: countTokens(request), estimated: estimateInputTokensByCharacters(request) };
  const batches = readEventBatches(adapter.stream(request, 'claude-sonnet-4-5-20250929', account, context()));
  request = undefined;
  const first = await batches.next();
  expect(first.done).toBe(false);
  return {
    held,
    expected,
    finish: async (): Promise<StreamEvent[]> => {
      const rest: StreamEvent[] = [];
      for (let next = await batches.next(); !next.done; next = await batches.next()) rest.push(...next.value);
      return rest;
    },
  };
}

const inputTokensOf = (events: StreamEvent[]) => events.find((event) => event.type === 'usage')?.usage?.inputTokens;

describe('an open Amazon Q / Kiro answer and its request', () => {
  it('keeps nothing of the request once the account is known to report the context it used', async () => {
    const account = makeAccount();
    await (await openAnswer(account, fakeScenarios.text('First answer.'))).finish();
    const open = await openAnswer(account, fakeScenarios.text('Second answer, still streaming.'));
    await collectGarbage();
    expect(open.held.deref()).toBeUndefined();
    const events = await open.finish();
    // 1.5 % of the 200k window, less the answer it covers.
    expect(inputTokensOf(events)).toBeGreaterThan(2900);
  });

  it('keeps the request for the exact count on an account whose answers do not report it, and counts with it', async () => {
    const account = makeAccount();
    const open = await openAnswer(account, unreported(fakeScenarios.text('An answer without the report.')));
    await collectGarbage();
    expect(open.held.deref()).toBeDefined();
    expect(inputTokensOf(await open.finish())).toBe(open.expected.counted);
  });

  it('falls back to the estimate when a reporting account answers once without the report, then keeps the request again', async () => {
    const account = makeAccount();
    await (await openAnswer(account, fakeScenarios.text('First answer.'))).finish();
    const missing = await openAnswer(account, unreported(fakeScenarios.text('This time without it.')));
    expect(inputTokensOf(await missing.finish())).toBe(missing.expected.estimated);
    expect(missing.expected.estimated).not.toBe(missing.expected.counted);
    const next = await openAnswer(account, unreported(fakeScenarios.text('And again.')));
    expect(inputTokensOf(await next.finish())).toBe(next.expected.counted);
  });
});
