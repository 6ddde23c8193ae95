import { createHash } from 'node:crypto';

export const maxAmazonQToolNameLength = 64;
const hashLength = 12;

/** A name of at most 64 characters: unchanged when short enough, else a prefix plus a sha256 hex suffix. */
export function shortenToolName(name: string): string {
  if (name.length <= maxAmazonQToolNameLength) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, hashLength);
  return `${name.slice(0, maxAmazonQToolNameLength - hashLength - 1)}_${hash}`;
}

/** Remembers the shortened names of one request so streamed tool calls get their original names back. */
export class ToolNameMap {
  private readonly originals = new Map<string, string>();

  /** The name to send upstream for `original`. */
  toUpstream(original: string): string {
    const short = shortenToolName(original);
    if (short !== original) this.originals.set(short, original);
    return short;
  }

  /** The client's name for a name the upstream sent. */
  toOriginal(upstreamName: string): string {
    return this.originals.get(upstreamName) ?? upstreamName;
  }
}
