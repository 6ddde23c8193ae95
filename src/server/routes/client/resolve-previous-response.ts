import type { Kysely } from 'kysely';
import { InvalidRequestError } from '../../../core/errors/invalid-request-error.js';
import { findStoredResponse } from '../../../store/repositories/stored-response-repository.js';
import type { Database } from '../../../store/schema.js';

export interface ResolvedResponsesBody {
  /** The body to serve: `previous_response_id` replaced by the stored conversation in `input`. */
  body: Record<string, unknown>;
  /** The whole conversation this answer is made from, as input items (what is stored with it). */
  inputItems: unknown[];
}

const inputAsItems = (input: unknown): unknown[] => {
  if (typeof input === 'string') return [{ type: 'message', role: 'user', content: input }];
  return Array.isArray(input) ? input : [];
};

/**
 * Expands `previous_response_id` into the earlier input and output items that Sluice stored, so
 * every account (OpenAI's own included) sees the whole conversation. Ids are scoped to the client
 * key: another key's id, an expired one or one Sluice never stored is a 400 in OpenAI's words.
 */
export async function resolvePreviousResponse(db: Kysely<Database>, body: Record<string, unknown>, apiKeyId: string): Promise<ResolvedResponsesBody> {
  const previousId = body.previous_response_id;
  const current = inputAsItems(body.input);
  if (previousId === undefined || previousId === null) return { body, inputItems: current };
  if (typeof previousId !== 'string' || previousId === '') {
    throw new InvalidRequestError('previous_response_id: expected a response id string', { field: 'previous_response_id' });
  }
  const stored = await findStoredResponse(db, previousId, apiKeyId);
  if (!stored) {
    throw new InvalidRequestError(`Previous response with id '${previousId}' not found.`, { field: 'previous_response_id' });
  }
  const inputItems = [...stored.inputItems, ...stored.outputItems, ...current];
  const { previous_response_id: _resolved, ...rest } = body;
  return { body: { ...rest, input: inputItems }, inputItems };
}
