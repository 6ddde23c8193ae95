import { isUtf8 } from 'node:buffer';
import type { Context } from 'hono';
import { GatewayError } from '../../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../../core/errors/invalid-request-error.js';
import { maxModelNameLength } from '../../../core/field-limits.js';
import type { AppEnv } from '../../app-env.js';
import { startsWithByteOrderMark } from '../../../core/json-bytes.js';
import { parseJsonBytes } from '../../body/parse-json-bytes.js';
import { readRequestBytes } from '../../body/read-request-bytes.js';
import type { ChatRequest } from '../../../core/chat-request.js';
import type { ParsedChatRequest } from '../../../gateway/request-content.js';

/** Reads the body as a JSON object, or throws a 400 that says what is wrong with it. */
export async function readJsonObject(context: Context<AppEnv>): Promise<Record<string, unknown>> {
  return (await readBody(context)).body;
}

/**
 * The body as a JSON object, and the bytes it was read from where they may go on as they are when
 * nothing in it changes: valid UTF-8 without a byte order mark. Otherwise the parse saw something
 * else than the bytes say (a dropped mark, replaced invalid sequences), and the body is serialised afresh.
 */
export async function readJsonBody(context: Context<AppEnv>): Promise<{ body: Record<string, unknown>; bytes: Uint8Array | undefined }> {
  const { body, bytes } = await readBody(context);
  const forwardable = !startsWithByteOrderMark(bytes) && isUtf8(bytes);
  return { body, bytes: forwardable ? bytes : undefined };
}

async function readBody(context: Context<AppEnv>): Promise<{ body: Record<string, unknown>; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await readRequestBytes(context);
  } catch (error) {
    if (error instanceof GatewayError || (error instanceof Error && error.name === 'BodyLimitError')) throw error;
    throw new InvalidRequestError('The request body could not be read.');
  }
  if (onlySpace(bytes)) throw new InvalidRequestError('The request body is empty; send a JSON object.');
  let value: unknown;
  try {
    value = parseJsonBytes(bytes);
  } catch (error) {
    throw new InvalidRequestError(`The request body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError('The request body must be a JSON object.');
  }
  // Every client dialect names the model `model`: bound it here too, whatever the route's own schema says.
  const model = (value as { model?: unknown }).model;
  if (typeof model === 'string' && model.length > maxModelNameLength) {
    throw new InvalidRequestError(`model: at most ${maxModelNameLength} characters`, { field: 'model' });
  }
  return { body: value as Record<string, unknown>, bytes };
}

/** Nothing but whitespace (as String.prototype.trim sees it in ASCII) or nothing at all. */
function onlySpace(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return false;
  return true;
}

/**
 * A route's second reading of bytes it has read before (see RequestContent): parsed as `readJsonBody`
 * parsed them, then by the route's own parser. The checks that passed the first time pass again.
 */
export function parseAgainWith(parse: (body: Record<string, unknown>) => { request: ChatRequest }): (bytes: Uint8Array) => ParsedChatRequest {
  return (bytes) => {
    const rawBody = parseJsonBytes(bytes) as Record<string, unknown>;
    return { request: parse(rawBody).request, rawBody };
  };
}
