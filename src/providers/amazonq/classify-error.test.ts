import { describe, expect, it } from 'vitest';
import { classifyAmazonQError, sanitizeErrorType } from './classify-error.js';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const december = Date.UTC(2026, 11, 1);

describe('classifyAmazonQError', () => {
  it.each([
    {
      name: '400 improperly formed → InvalidRequestError, never the account',
      input: { status: 400, body: '{"message":"Improperly formed request.","reason":null}' },
      expected: { name: 'InvalidRequestError', status: 400, message: 'Improperly formed request.' },
    },
    {
      name: '400 input too long → InvalidRequestError with the upstream text',
      input: { status: 400, body: '{"message":"Input is too long.","reason":"CONTENT_LENGTH_EXCEEDS_THRESHOLD"}' },
      expected: { name: 'InvalidRequestError', status: 400, message: 'Input is too long.' },
    },
    {
      name: '402 monthly limit → QuotaExhaustedError until the 1st of next month',
      input: { status: 402, body: '{"message":"You have reached the limit.","reason":"MONTHLY_REQUEST_COUNT"}' },
      expected: { name: 'QuotaExhaustedError', resetAt: december },
    },
    {
      name: '429 MONTHLY_REQUEST_COUNT on the CLI flavour → QuotaExhaustedError',
      input: { status: 429, errorType: 'ThrottlingException', body: '{"message":"MONTHLY_REQUEST_COUNT exceeded"}' },
      expected: { name: 'QuotaExhaustedError', resetAt: december },
    },
    {
      name: '429 DAILY_REQUEST_COUNT → QuotaExhaustedError until the next UTC day',
      input: { status: 429, errorType: 'ThrottlingException', body: '{"message":"Daily limit reached","reason":"DAILY_REQUEST_COUNT"}' },
      expected: { name: 'QuotaExhaustedError', resetAt: Date.UTC(2026, 10, 24) },
    },
    {
      name: '403 suspended → AccountSuspendedError',
      input: {
        status: 403,
        errorType: 'AccessDeniedException',
        body: '{"message":"Your User ID (x) temporarily is suspended.","reason":"TEMPORARILY_SUSPENDED"}',
      },
      expected: { name: 'AccountSuspendedError' },
    },
    {
      name: '403 bearer token invalid → refreshable CredentialInvalidError',
      input: { status: 403, body: '{"message":"The bearer token included in the request is invalid.","reason":null}' },
      expected: { name: 'CredentialInvalidError', refreshable: true },
    },
    {
      name: '403 not authorized → dead CredentialInvalidError',
      input: { status: 403, body: '{"message":"User is not authorized to access this feature."}' },
      expected: { name: 'CredentialInvalidError', refreshable: false },
    },
    {
      name: '429 throttling → UpstreamRateLimitedError with retry-after',
      input: { status: 429, errorType: 'ThrottlingException', body: '{"message":"Rate limit exceeded"}', retryAfterMs: 3000 },
      expected: { name: 'UpstreamRateLimitedError', retryAfterMs: 3000, status: 429 },
    },
    {
      name: '429 INSUFFICIENT_MODEL_CAPACITY (the model is overloaded, not the account) → UpstreamUnavailableError',
      input: { status: 429, errorType: 'ThrottlingException', body: '{"message":"I am experiencing high traffic","reason":"INSUFFICIENT_MODEL_CAPACITY"}' },
      expected: { name: 'UpstreamUnavailableError', isRetryable: true, upstreamCode: 'ThrottlingException:INSUFFICIENT_MODEL_CAPACITY' },
    },
    {
      name: 'in-stream INSUFFICIENT_MODEL_CAPACITY → UpstreamUnavailableError',
      input: { errorType: 'ThrottlingException', body: '{"message":"high traffic","reason":"INSUFFICIENT_MODEL_CAPACITY"}' },
      expected: { name: 'UpstreamUnavailableError' },
    },
    {
      name: '500 high load → UpstreamUnavailableError',
      input: { status: 500, body: '{"message":"Encountered unexpectedly high load when processing the request, please try again."}' },
      expected: { name: 'UpstreamUnavailableError', isRetryable: true },
    },
    {
      name: '503 → UpstreamUnavailableError',
      input: { status: 503, body: 'Service Unavailable' },
      expected: { name: 'UpstreamUnavailableError', status: 503 },
    },
    {
      name: 'in-stream ThrottlingException → UpstreamRateLimitedError',
      input: { errorType: 'ThrottlingException', body: '{"message":"60-minute credit limit exceeded"}' },
      expected: { name: 'UpstreamRateLimitedError' },
    },
    {
      name: 'in-stream error → UpstreamUnavailableError',
      input: { errorType: 'InternalServerException', body: '{"message":"boom"}' },
      expected: { name: 'UpstreamUnavailableError' },
    },
    {
      name: 'error name from body __type with namespace',
      input: { status: 400, body: '{"__type":"com.amazon.aws.codewhisperer#ValidationException","message":"bad model","reason":"INVALID_MODEL_ID"}' },
      expected: { name: 'InvalidRequestError', upstreamCode: 'ValidationException:INVALID_MODEL_ID', message: 'bad model (INVALID_MODEL_ID)' },
    },
  ])('$name', ({ input, expected }) => {
    expect(classifyAmazonQError({ ...input, now })).toMatchObject(expected);
  });

  it('a model refusal (INVALID_MODEL_ID, or the newer "not available" text) is ModelUnavailableError: retried elsewhere, no penalty', () => {
    const refused = classifyAmazonQError({
      status: 400,
      body: '{"message":"Invalid model. Please select a different model to continue.","reason":"INVALID_MODEL_ID"}',
      model: 'claude-opus-4-6',
    });
    expect(refused).toMatchObject({ name: 'ModelUnavailableError', kind: 'invalid_request', status: 400, isRetryable: true, model: 'claude-opus-4-6' });
    const auto = classifyAmazonQError({ status: 400, body: '{"message":"The model \'auto\' is not available. Please select a different model and try again.","reason":null}', model: 'auto' });
    expect(auto).toMatchObject({ name: 'ModelUnavailableError' });
  });

  it('input too long is the request’s fault: a client 400 that is neither retried nor held against the account', () => {
    const error = classifyAmazonQError({ status: 400, body: '{"message":"Input is too long.","reason":"CONTENT_LENGTH_EXCEEDS_THRESHOLD"}', model: 'claude-sonnet-4.5' });
    expect(error).toMatchObject({ name: 'InvalidRequestError', kind: 'invalid_request', status: 400, isRetryable: false });
    expect(classifyAmazonQError({ errorType: 'ValidationException', body: '{"message":"Input is too long.","reason":"CONTENT_LENGTH_EXCEEDS_THRESHOLD"}' })).toMatchObject({
      name: 'InvalidRequestError',
      status: 400,
    });
  });

  it('uses a known reset time for quota errors', () => {
    expect(classifyAmazonQError({ status: 402, body: '{}', quotaResetAt: 123, now })).toMatchObject({ resetAt: 123 });
  });

  it('strips namespace prefixes and :suffixes from error names', () => {
    expect(sanitizeErrorType('com.amazon.aws.codewhisperer#ThrottlingException:http://internal.amazon.com/')).toBe('ThrottlingException');
    expect(sanitizeErrorType('ValidationException')).toBe('ValidationException');
    expect(sanitizeErrorType(undefined)).toBeUndefined();
  });
});
