import type { StreamEvent } from '../core/stream-event.js';

/**
 * Errors raised after a model mapping name the upstream model ("No account is available for model
 * \"claude-sonnet-4-5\""); the client asked for another name and must read that one. Rewrites the
 * message in place (the error belongs to this request) and returns the error.
 */
export function nameRequestedModel<T>(error: T, upstreamModel: string, requestedModel: string): T {
  if (upstreamModel === requestedModel || upstreamModel === '' || !(error instanceof Error)) return error;
  if (error.message.includes(upstreamModel)) error.message = error.message.split(upstreamModel).join(requestedModel);
  return error;
}

/** Passes batches of events through, naming the requested model in mid-stream errors (events or thrown). */
export async function* errorsNamingModel(batches: AsyncIterable<StreamEvent[]>, upstreamModel: string, requestedModel: string): AsyncGenerator<StreamEvent[]> {
  try {
    for await (const batch of batches) {
      for (const event of batch) if (event.type === 'error') nameRequestedModel(event.error, upstreamModel, requestedModel);
      yield batch;
    }
  } catch (error) {
    throw nameRequestedModel(error, upstreamModel, requestedModel);
  }
}
