import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface StoredResponse {
  id: string;
  apiKeyId: string;
  createdAt: number;
  inputItems: unknown[];
  outputItems: unknown[];
}

const rowsPerDelete = 5000;

const parseItems = (text: string): unknown[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};

/** Saves (or replaces) one answer; its input items may come as their JSON text already. */
export async function saveStoredResponse(db: Kysely<Database>, response: Omit<StoredResponse, 'inputItems'> & { inputItems: unknown[] | { json: string } }): Promise<void> {
  const { inputItems } = response;
  const values = {
    id: response.id,
    api_key_id: response.apiKeyId,
    created_at: response.createdAt,
    input_items: Array.isArray(inputItems) ? JSON.stringify(inputItems) : inputItems.json,
    output_items: JSON.stringify(response.outputItems),
  };
  await db
    .insertInto('stored_responses')
    .values(values)
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ input_items: values.input_items, output_items: values.output_items }))
    .execute();
}

/** The answer with this id made with this client key, or undefined: another key's answers are not found. */
export async function findStoredResponse(db: Kysely<Database>, id: string, apiKeyId: string): Promise<StoredResponse | undefined> {
  const row = await db
    .selectFrom('stored_responses')
    .select(['id', 'api_key_id', 'created_at', 'input_items', 'output_items'])
    .where('id', '=', id)
    .where('api_key_id', '=', apiKeyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, apiKeyId: row.api_key_id, createdAt: Number(row.created_at), inputItems: parseItems(row.input_items), outputItems: parseItems(row.output_items) };
}

/** Deletes answers made before `cutoff`, in chunks. Returns how many were deleted. */
export async function deleteStoredResponsesBefore(db: Kysely<Database>, cutoff: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await db
      .deleteFrom('stored_responses')
      .where('id', 'in', (query) => query.selectFrom('stored_responses').select('id').where('created_at', '<', cutoff).limit(rowsPerDelete))
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    deleted += count;
    if (count < rowsPerDelete) return deleted;
    // On SQLite each statement runs in the server's own thread: let waiting requests in between chunks.
    await nextTurn();
  }
}
