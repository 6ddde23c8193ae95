import type { Usage } from '../../src/core/usage.js';
import type { PassthroughFormat, PassthroughResponse } from '../../src/providers/provider-adapter.js';
import { respondPassthrough } from '../../src/gateway/respond-passthrough.js';

/** Relays a passthrough response unchanged and resolves the usage it carried once it has been read. */
export function relayWithUsage(format: PassthroughFormat, upstream: PassthroughResponse): { response: Response; usage: Promise<Usage> } {
  let settle: (usage: Usage) => void = () => undefined;
  const usage = new Promise<Usage>((resolve) => (settle = resolve));
  const response = respondPassthrough(upstream, { requestedModel: 'same', upstreamModel: 'same', stream: true, format, onDone: (seen) => settle(seen) });
  return { response, usage };
}
