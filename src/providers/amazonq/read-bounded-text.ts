import type { Dispatcher } from 'undici';

const defaultLimitBytes = 64 * 1024;

/** Reads at most `limitBytes` of an (error) body as text and discards the rest. */
export async function readBoundedText(body: Dispatcher.ResponseData['body'], limitBytes = defaultLimitBytes): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      chunks.push(buffer);
      total += buffer.length;
      if (total >= limitBytes) break;
    }
  } catch {
    // a body cut while reading an error is still an error; keep what arrived
  } finally {
    if (!body.destroyed) body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limitBytes).toString('utf8');
}
