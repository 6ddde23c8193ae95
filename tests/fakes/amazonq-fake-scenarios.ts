import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/** One event-stream message the fake sends: a modelled event, an exception, or an unmodelled error. */
export type FakeFrame =
  | { event: string; payload: unknown }
  | { exception: string; payload: unknown }
  | { errorCode: string; message: string };

/** What the fake answers to one chat call. */
export interface FakeScenario {
  /** HTTP status; 200 streams `frames`, anything else sends `errorBody` as JSON. */
  status?: number;
  headers?: Record<string, string>;
  /** Error name sent in `x-amzn-errortype` for non-200 answers. */
  errorType?: string;
  errorBody?: unknown;
  frames?: FakeFrame[];
  /** Send the stream in writes of this many bytes (frames split across TCP chunks). */
  writeChunkBytes?: number;
  /** Destroy the connection after this many bytes of the stream (a cut mid-frame). */
  cutAfterBytes?: number;
}

export interface FakeToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const stringHeader = (value: string) => ({ type: 'string' as const, value });

/** Encodes frames the way the service does: `:event-type`, `:content-type`, `:message-type` string headers. */
export function encodeFakeFrame(frame: FakeFrame): Uint8Array {
  if ('event' in frame) {
    return codec.encode({
      headers: { ':event-type': stringHeader(frame.event), ':content-type': stringHeader('application/json'), ':message-type': stringHeader('event') },
      body: fromUtf8(JSON.stringify(frame.payload)),
    });
  }
  if ('exception' in frame) {
    return codec.encode({
      headers: {
        ':exception-type': stringHeader(frame.exception),
        ':content-type': stringHeader('application/json'),
        ':message-type': stringHeader('exception'),
      },
      body: fromUtf8(JSON.stringify(frame.payload)),
    });
  }
  return codec.encode({
    headers: { ':error-code': stringHeader(frame.errorCode), ':error-message': stringHeader(frame.message), ':message-type': stringHeader('error') },
    body: new Uint8Array(0),
  });
}

const textFrames = (chunks: string[]): FakeFrame[] => chunks.map((content) => ({ event: 'assistantResponseEvent', payload: { content } }));

const closingFrames = (options: { credits?: number; contextUsagePercentage?: number }): FakeFrame[] => [
  { event: 'meteringEvent', payload: { unit: 'credit', unitPlural: 'credits', usage: options.credits ?? 0.17618616013267 } },
  { event: 'contextUsageEvent', payload: { contextUsagePercentage: options.contextUsagePercentage ?? 1.5 } },
];

const toolFrames = (call: FakeToolCall): FakeFrame[] => {
  const input = JSON.stringify(call.input);
  const middle = Math.floor(input.length / 2);
  return [
    { event: 'toolUseEvent', payload: { toolUseId: call.id, name: call.name } },
    { event: 'toolUseEvent', payload: { toolUseId: call.id, name: call.name, input: input.slice(0, middle) } },
    { event: 'toolUseEvent', payload: { toolUseId: call.id, name: call.name, input: input.slice(middle) } },
    { event: 'toolUseEvent', payload: { toolUseId: call.id, name: call.name, stop: true } },
  ];
};

const errorScenario = (status: number, errorType: string, message: string, reason: string | null, headers?: Record<string, string>): FakeScenario => ({
  status,
  errorType,
  errorBody: { message, reason },
  headers,
});

/** Ready-made scenarios; combine or edit them freely (they are plain objects). */
export const fakeScenarios = {
  /** A streamed text answer; a string is split into words. */
  text(answer: string | string[], options: { credits?: number; contextUsagePercentage?: number } = {}): FakeScenario {
    const chunks = Array.isArray(answer) ? answer : (answer.match(/\S+\s*|\s+/g) ?? [answer]);
    return { frames: [...textFrames(chunks), ...closingFrames(options)] };
  },
  /** Optional text, then tool calls one after another (input JSON split in two fragments each). */
  toolCalls(calls: FakeToolCall[], textBefore?: string): FakeScenario {
    return { frames: [...(textBefore ? textFrames([textBefore]) : []), ...calls.flatMap(toolFrames), ...closingFrames({})] };
  },
  /** `<thinking>` reasoning followed by the answer, with the tags split across frames. */
  thinking(reasoning: string, answer: string): FakeScenario {
    return { frames: [...textFrames(['<thin', `king>${reasoning}</thi`, 'nking>\n\n', answer]), ...closingFrames({})] };
  },
  throttled: (retryAfterSeconds?: number): FakeScenario =>
    errorScenario(429, 'ThrottlingException', 'Rate limit exceeded', null, retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) }),
  quotaExhausted: (): FakeScenario => errorScenario(402, 'ServiceQuotaExceededException', 'You have reached the limit.', 'MONTHLY_REQUEST_COUNT'),
  suspended: (): FakeScenario =>
    errorScenario(403, 'AccessDeniedException', 'Your User ID (x) temporarily is suspended. We have locked your account as a security precaution.', 'TEMPORARILY_SUSPENDED'),
  bearerInvalid: (): FakeScenario => errorScenario(403, 'AccessDeniedException', 'The bearer token included in the request is invalid.', null),
  improperlyFormed: (): FakeScenario => errorScenario(400, 'ValidationException', 'Improperly formed request.', null),
  inputTooLong: (): FakeScenario => errorScenario(400, 'ValidationException', 'Input is too long.', 'CONTENT_LENGTH_EXCEEDS_THRESHOLD'),
  serverError: (): FakeScenario =>
    errorScenario(500, 'InternalServerException', 'Encountered unexpectedly high load when processing the request, please try again.', null),
  /** Text, then a ThrottlingException frame inside the stream. */
  throttledMidStream: (): FakeScenario => ({
    frames: [...textFrames(['Partial ']), { exception: 'ThrottlingException', payload: { message: '60-minute credit limit exceeded' } }],
  }),
  /** Text, then ContentLengthExceededException inside the stream (finish reason `length`). */
  lengthExceeded: (): FakeScenario => ({
    frames: [...textFrames(['Very long ']), { exception: 'ContentLengthExceededException', payload: { message: 'Response too long' } }],
  }),
  /** A text answer whose connection is destroyed in the middle of the second frame. */
  streamCut(): FakeScenario {
    const scenario = fakeScenarios.text(['Hello ', 'world']);
    const first = encodeFakeFrame(scenario.frames![0]!).length;
    return { ...scenario, cutAfterBytes: first + 10 };
  },
  /** Any scenario, sent a few bytes per write so frames straddle TCP chunks. */
  tinyWrites: (scenario: FakeScenario, bytes = 5): FakeScenario => ({ ...scenario, writeChunkBytes: bytes }),
};

/** A usage-limits answer with base, active free trial and one active bonus (limit 50 + 500 + 100). */
export const defaultFakeUsageLimits = {
  limits: [],
  nextDateReset: 1767225600,
  daysUntilReset: 12,
  usageBreakdownList: [
    {
      resourceType: 'CREDIT',
      displayName: 'Credit',
      displayNamePlural: 'Credits',
      currentUsage: 12,
      currentUsageWithPrecision: 12.5,
      usageLimit: 50,
      usageLimitWithPrecision: 50,
      nextDateReset: 1767225600,
      freeTrialInfo: { freeTrialStatus: 'ACTIVE', freeTrialExpiry: 1767225600, currentUsage: 100, currentUsageWithPrecision: 100, usageLimit: 500, usageLimitWithPrecision: 500 },
      bonuses: [
        { bonusCode: 'WELCOME', displayName: 'Welcome', currentUsage: 10, usageLimit: 100, status: 'ACTIVE', expiresAt: 1767225600 },
        { bonusCode: 'OLD', displayName: 'Old', currentUsage: 0, usageLimit: 999, status: 'EXPIRED', expiresAt: 1700000000 },
      ],
    },
  ],
  subscriptionInfo: { type: 'Q_DEVELOPER_STANDALONE_FREE', subscriptionTitle: 'KIRO FREE' },
  userInfo: { userId: 'user-1', email: 'someone@example.com' },
};
