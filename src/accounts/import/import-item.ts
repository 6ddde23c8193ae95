/** One uploaded file or pasted text, before its format is known. */
export interface ImportSource {
  /** File name, or `pasted`. */
  name: string;
  text?: string;
  /** Raw bytes (a SQLite database is binary). */
  bytes?: Uint8Array;
}

/** What one source turned into: account inputs to create, or a rejection with the reason. */
export type ImportCandidate =
  | { source: string; input: Record<string, unknown>; note?: string }
  | { source: string; rejected: string };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const stringField = (value: Record<string, unknown>, ...keys: string[]): string | undefined => {
  for (const key of keys) {
    const field = value[key];
    if (typeof field === 'string' && field.trim().length > 0) return field.trim();
  }
  return undefined;
};

/** The AWS Builder ID start URL; any other start URL is an organisation's IAM Identity Center. */
export const builderIdStartUrl = 'https://view.awsapps.com/start';
