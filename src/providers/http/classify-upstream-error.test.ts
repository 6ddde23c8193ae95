import { describe, expect, it } from 'vitest';
import { classifyUpstreamError } from './classify-upstream-error.js';

const anthropicBody = (type: string, message: string) => JSON.stringify({ type: 'error', error: { type, message } });
const openAIBody = (type: string, message: string, code: string | null = null) => JSON.stringify({ error: { message, type, param: null, code } });

describe('classifyUpstreamError', () => {
  it.each([
    { status: 400, body: anthropicBody('invalid_request_error', 'prompt is too long: 210000 tokens > 200000 maximum'), kind: 'invalid_request', message: 'prompt is too long: 210000 tokens > 200000 maximum' },
    { status: 400, body: openAIBody('invalid_request_error', "This model's maximum context length is 128000 tokens.", 'context_length_exceeded'), kind: 'invalid_request', message: "This model's maximum context length is 128000 tokens." },
    { status: 404, body: anthropicBody('not_found_error', 'model: claude-x'), kind: 'invalid_request', message: 'model: claude-x' },
    { status: 413, body: anthropicBody('request_too_large', 'Request exceeds the maximum size'), kind: 'invalid_request', message: 'Request exceeds the maximum size' },
    { status: 422, body: '{"detail":"Unprocessable"}', kind: 'invalid_request', message: 'Unprocessable' },
    { status: 401, body: anthropicBody('authentication_error', 'invalid x-api-key'), kind: 'credential_invalid', message: 'invalid x-api-key' },
    { status: 403, body: anthropicBody('permission_error', 'Your API key does not have permission'), kind: 'credential_invalid', message: 'Your API key does not have permission' },
    { status: 403, body: openAIBody('request_forbidden', 'Country, region, or territory not supported', 'unsupported_country_region_territory'), kind: 'upstream_unavailable', message: 'Country, region, or territory not supported' },
    { status: 402, body: '', kind: 'quota_exhausted', message: 'Upstream returned HTTP 402.' },
    { status: 400, body: anthropicBody('invalid_request_error', 'Your credit balance is too low to access the Anthropic API.'), kind: 'quota_exhausted', message: 'Your credit balance is too low to access the Anthropic API.' },
    { status: 429, body: openAIBody('insufficient_quota', 'You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota'), kind: 'quota_exhausted', message: 'You exceeded your current quota, please check your plan and billing details.' },
    { status: 429, body: anthropicBody('rate_limit_error', 'Number of requests has exceeded your rate limit'), kind: 'upstream_rate_limited', message: 'Number of requests has exceeded your rate limit' },
    { status: 500, body: anthropicBody('api_error', 'Internal server error'), kind: 'upstream_unavailable', message: 'Internal server error' },
    { status: 502, body: '<html>Bad gateway</html>', kind: 'upstream_unavailable', message: '<html>Bad gateway</html>' },
    { status: 503, body: '', kind: 'upstream_unavailable', message: 'Upstream returned HTTP 503.' },
    { status: 504, body: '', kind: 'upstream_unavailable', message: 'Upstream returned HTTP 504.' },
    { status: 529, body: anthropicBody('overloaded_error', 'Overloaded'), kind: 'upstream_unavailable', message: 'Overloaded' },
    { status: 408, body: '', kind: 'timeout', message: 'Upstream returned HTTP 408.' },
  ])('$status $kind', ({ status, body, kind, message }) => {
    const error = classifyUpstreamError({ status, headers: {}, bodyText: body });
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
    expect(error.upstreamStatus).toBe(status);
  });

  it('keeps the upstream error code', () => {
    expect(classifyUpstreamError({ status: 429, headers: {}, bodyText: anthropicBody('rate_limit_error', 'x') }).upstreamCode).toBe('rate_limit_error');
    expect(classifyUpstreamError({ status: 400, headers: {}, bodyText: openAIBody('invalid_request_error', 'x', 'context_length_exceeded') }).upstreamCode).toBe('context_length_exceeded');
  });

  it('marks dead credentials as not refreshable and expired tokens as refreshable', () => {
    const dead = classifyUpstreamError({ status: 401, headers: {}, bodyText: anthropicBody('authentication_error', 'invalid x-api-key') });
    const expired = classifyUpstreamError({ status: 401, headers: {}, bodyText: '{"message":"The bearer token has expired"}' });
    expect(dead).toMatchObject({ refreshable: false, isRetryable: true });
    expect(expired).toMatchObject({ refreshable: true });
  });

  it('passes retry-after to rate limit errors', () => {
    const error = classifyUpstreamError({ status: 429, headers: { 'retry-after': '12' }, bodyText: '' });
    expect(error.retryAfterMs).toBe(12_000);
  });

  it('never repeats the credential from the body', () => {
    const body = openAIBody('invalid_request_error', 'Incorrect API key provided: sk-proj-abcdefghijklmnop. You can find your API key at …', 'invalid_api_key');
    const error = classifyUpstreamError({ status: 401, headers: {}, bodyText: body, secrets: ['sk-proj-abcdefghijklmnop'] });
    expect(error.message).not.toContain('abcdefghijklmnop');
    expect(error.message).toContain('[redacted]');
    const unknownKey = classifyUpstreamError({ status: 401, headers: {}, bodyText: '{"error":"bad key sgamp_user_01ABCDEFGHIJKLMNOPQRSTUVWXYZ_deadbeef"}' });
    expect(unknownKey.message).toBe('bad key [redacted]');
  });
});
