import type { z } from 'zod';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { callWithTokenRetry, type TokenRetryInput } from './call-with-token-retry.js';
import type { AmazonQHttpRequest } from './send-amazonq-request.js';

const maxPages = 5;

export interface AmazonQPagesInput<Page extends { nextToken?: string | null }> extends Omit<TokenRetryInput, 'buildRequest'> {
  /** The request for one page; `nextToken` is absent for the first. */
  buildRequest(accessToken: string, nextToken: string | undefined): AmazonQHttpRequest;
  page: z.ZodType<Page>;
  /** What is listed, for error messages ("Model list"). */
  what: string;
}

/**
 * Reads a paged Amazon Q listing (ListAvailableModels, ListAvailableProfiles): each page through the
 * token-refreshing call, parsed with `page`, following `nextToken` a few pages at most. A body that is
 * not the expected JSON is an upstream failure.
 */
export async function readAmazonQPages<Page extends { nextToken?: string | null }>(input: AmazonQPagesInput<Page>): Promise<Page[]> {
  const pages: Page[] = [];
  let nextToken: string | undefined;
  for (let index = 0; index < maxPages; index += 1) {
    const response = await callWithTokenRetry({ ...input, buildRequest: (accessToken) => input.buildRequest(accessToken, nextToken) });
    let parsed;
    try {
      parsed = input.page.safeParse(JSON.parse(await response.body.text()));
    } catch (error) {
      throw new UpstreamUnavailableError(`${input.what} response is not JSON.`, { upstreamStatus: response.statusCode, cause: error });
    }
    if (!parsed.success) throw new UpstreamUnavailableError(`${input.what} response has an unexpected shape.`, { upstreamStatus: response.statusCode });
    pages.push(parsed.data);
    nextToken = parsed.data.nextToken ?? undefined;
    if (!nextToken) break;
  }
  return pages;
}
