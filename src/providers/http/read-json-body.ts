import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { readBoundedText } from './send-upstream-request.js';

const jsonBodyLimit = 4 * 1024 * 1024;

/** Reads a bounded JSON response body; a body that is not JSON is an upstream fault. */
export async function readJsonBody(body: AsyncIterable<Uint8Array> & { destroy?: () => unknown }): Promise<unknown> {
  const text = await readBoundedText(body, jsonBodyLimit);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UpstreamUnavailableError('Upstream returned a body that is not JSON.', { cause: error });
  }
}
