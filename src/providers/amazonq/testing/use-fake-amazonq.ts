import { Agent } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import { startFakeAmazonQ, type FakeAmazonQ } from '../../../../tests/fakes/amazonq-fake.js';
import { countO200kTokens } from '../../../tokens/count-o200k-tokens.js';

/**
 * Test support: the Amazon Q / Kiro fake and a dispatcher for a test file, started before its tests and
 * closed after them. Read `fake` inside the tests (it is set once the file's tests start).
 */
export function useFakeAmazonQ(): { readonly fake: FakeAmazonQ; readonly dispatcher: Agent } {
  const dispatcher = new Agent();
  let fake: FakeAmazonQ | undefined;
  beforeAll(async () => {
    // The tokenizer loads on first use and blocks the event loop while it does; on a busy machine that block
    // outlasts the in-process fake's keep-alive timeout and the next request meets a closed socket. Load it first.
    countO200kTokens('warm up');
    fake = await startFakeAmazonQ();
  });
  afterAll(async () => {
    await fake?.close();
    await dispatcher.close();
  });
  return {
    get fake() {
      if (!fake) throw new Error('The Amazon Q fake starts with the first test.');
      return fake;
    },
    dispatcher,
  };
}
