import type { ChatRequest } from '../core/chat-request.js';

/** What a same-format call reads of the client's body besides its bytes: kept when the parsed forms go. */
export interface ForwardingFacts {
  model: unknown;
  stream: unknown;
  stream_options: unknown;
}

/** A client's request in the two forms routing reads: the canonical one and the client's own body. */
export interface ParsedChatRequest {
  request: ChatRequest;
  rawBody: Record<string, unknown>;
}

/**
 * The client's request across the attempts of one call. While an upstream works on it (sent as the very
 * bytes the client sent, or converted by an adapter that keeps what it needs of it), nothing reads the
 * parsed forms: a coding agent's request is a few hundred kilobytes of strings and objects, which the
 * collector would otherwise copy and carry for as long as the model takes to its first token. So they can
 * be let go (`letGo`) and are parsed again from the client's bytes, by the route's own parser, only should
 * a failover need them.
 *
 * Only this object may name the parsed forms in a function that waits: a suspended async function
 * keeps every local and parameter it has, used again or not.
 */
export class RequestContent {
  #parsed: ParsedChatRequest | undefined;
  #bytes: Uint8Array | undefined;
  #parseAgain: ((bytes: Uint8Array) => ParsedChatRequest) | undefined;
  /** The body's `model`, `stream` and `stream_options`, read once: a call that forwards the bytes needs no parse. */
  readonly forwarding: ForwardingFacts;

  /**
   * @param bytes The bytes the request was parsed from, where they may be forwarded unchanged.
   * @param parseAgain Parses `bytes` again into the same forms; without it the parsed forms are never let go.
   */
  constructor(parsed: ParsedChatRequest, bytes?: Uint8Array, parseAgain?: (bytes: Uint8Array) => ParsedChatRequest) {
    this.#parsed = parsed;
    const { model, stream, stream_options } = parsed.rawBody;
    this.forwarding = { model, stream, stream_options };
    this.#bytes = bytes;
    this.#parseAgain = parseAgain;
  }

  get bytes(): Uint8Array | undefined {
    return this.#bytes;
  }

  get request(): ChatRequest {
    return this.parsed().request;
  }

  get rawBody(): Record<string, unknown> {
    return this.parsed().rawBody;
  }

  /** Lets the parsed forms go where they can be parsed again; says whether it did. */
  letGo(): boolean {
    if (this.#bytes === undefined || this.#parseAgain === undefined) return false;
    this.#parsed = undefined;
    return true;
  }

  /** The call has its upstream and reads the request no more: every form of it goes, the bytes too. */
  forget(): void {
    this.#parsed = undefined;
    this.#bytes = undefined;
    this.#parseAgain = undefined;
  }

  private parsed(): ParsedChatRequest {
    if (this.#parsed) return this.#parsed;
    if (this.#bytes === undefined || this.#parseAgain === undefined) throw new Error('The request was read after its call had its upstream.');
    this.#parsed = this.#parseAgain(this.#bytes);
    return this.#parsed;
  }
}
