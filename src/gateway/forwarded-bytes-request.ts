import type { PassthroughFormat, PassthroughRequest } from '../providers/provider-adapter.js';
import type { RequestContent } from './request-content.js';

/**
 * A same-format request that is the client's body unchanged: its bytes go as they are, and its body is
 * read from the request's content only if an adapter asks (none that takes bytes does), so that an
 * adapter, which keeps the request while it waits, does not keep the parsed body with it. A class: an
 * object literal with a getter would get a shape of its own on every request (V8).
 */
export class ForwardedBytesRequest implements PassthroughRequest {
  constructor(
    readonly format: PassthroughFormat,
    readonly bytes: Uint8Array,
    readonly query: string | undefined,
    private readonly content: RequestContent,
  ) {}

  get body(): Record<string, unknown> {
    return { ...this.content.rawBody };
  }
}
