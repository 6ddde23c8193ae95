import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from '../core/errors/upstream-unavailable-error.js';
import { AwsEventStreamDecoder, decodeFrameText } from './aws-event-stream-decoder.js';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const ascii = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
const stringHeader = (name: string, value: string): string =>
  Buffer.from([name.length]).toString('hex') + ascii(name) + '07' + value.length.toString(16).padStart(4, '0') + ascii(value);

/** hex.pm event_stream 0.1.0 documentation vector: `{"foo": "bar"}`, no headers. */
const hexPmVector = '0000001e 00000000 baf2f68a 7b22666f6f223a2022626172227d ae7258e4';

/** A real Kiro frame recorded by caidaoli/kiro2api (test/fixed_data_integration_test.go at fefc74b). */
const realKiroFrame =
  '0000008f 0000005c 3449e5f5' +
  stringHeader(':event-type', 'assistantResponseEvent') +
  stringHeader(':content-type', 'application/json') +
  stringHeader(':message-type', 'event') +
  ascii('{"content":"Immersive Weather Car"}') +
  '1a4941b0';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const encodeEvent = (eventType: string, payload: unknown): Uint8Array =>
  codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });

describe('AwsEventStreamDecoder', () => {
  it('decodes the hex.pm test vector', () => {
    const messages = new AwsEventStreamDecoder().push(hex(hexPmVector));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.headers).toEqual({});
    expect(toUtf8(messages[0]!.body)).toBe('{"foo": "bar"}');
  });

  it('decodes the real recorded Kiro frame with both CRCs checked', () => {
    const frame = hex(realKiroFrame);
    expect(frame.length).toBe(0x8f);
    const [message] = new AwsEventStreamDecoder().push(frame);
    expect(message?.headers).toEqual({
      ':event-type': 'assistantResponseEvent',
      ':content-type': 'application/json',
      ':message-type': 'event',
    });
    expect(JSON.parse(toUtf8(message!.body))).toEqual({ content: 'Immersive Weather Car' });
  });

  it('buffers frames split into one-byte chunks', () => {
    const bytes = Buffer.concat([encodeEvent('a', { n: 1 }), hex(realKiroFrame), encodeEvent('b', { n: 2 })]);
    const decoder = new AwsEventStreamDecoder();
    const messages = [];
    for (const byte of bytes) messages.push(...decoder.push(Uint8Array.of(byte)));
    decoder.end();
    expect(messages.map((message) => message.headers[':event-type'])).toEqual(['a', 'assistantResponseEvent', 'b']);
  });

  it('decodes several frames arriving in one chunk', () => {
    const bytes = Buffer.concat([encodeEvent('a', {}), encodeEvent('b', {}), encodeEvent('c', {})]);
    expect(new AwsEventStreamDecoder().push(bytes)).toHaveLength(3);
  });

  it('rejects a frame whose message CRC is wrong', () => {
    const frame = hex(realKiroFrame);
    frame[frame.length - 1] = (frame[frame.length - 1] ?? 0) ^ 0xff;
    expect(() => new AwsEventStreamDecoder().push(frame)).toThrow(UpstreamUnavailableError);
  });

  it('rejects a frame whose prelude CRC is wrong', () => {
    const frame = hex(realKiroFrame);
    frame[9] = (frame[9] ?? 0) ^ 0xff;
    expect(() => new AwsEventStreamDecoder().push(frame)).toThrow(/corrupt/);
  });

  it('rejects frames larger than the bound without buffering them', () => {
    const prelude = hex('01000001 00000000 00000000');
    expect(() => new AwsEventStreamDecoder().push(prelude)).toThrow(/invalid length/);
    expect(() => new AwsEventStreamDecoder(64).push(encodeEvent('big', { text: 'x'.repeat(100) }))).toThrow(/invalid length/);
  });

  it('rejects lengths below the fixed overhead', () => {
    expect(() => new AwsEventStreamDecoder().push(hex('00000008 00000000'))).toThrow(/invalid length/);
  });

  it('reports a stream cut in the middle of a frame', () => {
    const frame = hex(realKiroFrame);
    const decoder = new AwsEventStreamDecoder();
    const seen = [frame, frame.subarray(0, 20)].flatMap((chunk) => decoder.push(chunk)).map((message) => message.headers[':event-type']);
    expect(seen).toEqual(['assistantResponseEvent']);
    expect(decoder.pendingBytes).toBe(20);
    expect(() => decoder.end()).toThrow(/middle of a frame/);
  });

  it('decodes frame text exactly as Buffer does, invalid, cut and marked sequences included', () => {
    const cases = [
      ':event-type',
      '{"content":"多字节的文字 and ascii"}',
      'emoji 🦀 end',
      '\uFEFF{"content":"a leading byte order mark is text here"}',
    ].map((text) => Buffer.from(text, 'utf8'));
    cases.push(Buffer.from([0x61, 0xff, 0x62]), Buffer.from([0xe4, 0xb8]), Buffer.from([0xf0, 0x9f, 0xa6, 0x41]), Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.alloc(0));
    for (const bytes of cases) expect(decodeFrameText(new Uint8Array(bytes))).toBe(bytes.toString('utf8'));
  });
});
