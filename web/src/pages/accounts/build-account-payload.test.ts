import { testAccount } from '../../test/fixtures';
import { describe, expect, it } from 'vitest';
import { accountToFormValues } from './account-form-values';
import { buildCreatePayload, buildPatchPayload } from './build-account-payload';

describe('buildCreatePayload', () => {
  it('sends only what an amazonq account needs, trimmed', () => {
    expect(
      buildCreatePayload({ provider: 'amazonq', name: ' q1 ', enabled: true, refresh_token: 'r', client_id: 'c', client_secret: 's', region: '', models: [], api_key: 'ignored', requests_per_minute: 10 }),
    ).toEqual({ provider: 'amazonq', name: 'q1', enabled: true, refresh_token: 'r', client_id: 'c', client_secret: 's', requests_per_minute: 10 });
  });

  it('keeps kiro auth fields and openai-compatible base_url', () => {
    expect(buildCreatePayload({ provider: 'kiro', name: 'k', enabled: true, refresh_token: 'r', auth_method: 'idc', client_id: 'c', client_secret: 's', profile_arn: 'arn:x' })).toEqual({
      provider: 'kiro',
      name: 'k',
      enabled: true,
      refresh_token: 'r',
      auth_method: 'idc',
      client_id: 'c',
      client_secret: 's',
      profile_arn: 'arn:x',
    });
    expect(buildCreatePayload({ provider: 'openai-compatible', name: 'o', enabled: false, api_key: 'sk', base_url: 'http://127.0.0.1:9/v1', models: ['a', ' b '] })).toEqual({
      provider: 'openai-compatible',
      name: 'o',
      enabled: false,
      api_key: 'sk',
      base_url: 'http://127.0.0.1:9/v1',
      models: ['a', 'b'],
    });
  });
});

describe('buildPatchPayload', () => {
  const initial = accountToFormValues(testAccount({ id: '1', name: 'a', provider: 'anthropic', enabled: true, proxy_url: 'http://p', requests_per_minute: 5, models: ['x'] }));

  it('sends nothing when nothing changed and secrets are blank', () => {
    expect(buildPatchPayload(initial, { ...initial, api_key: '' })).toEqual({});
  });

  it('sends changed fields, clears with null, and a typed-in secret', () => {
    expect(buildPatchPayload(initial, { ...initial, proxy_url: '', requests_per_minute: 7, models: [], api_key: 'sk-new' })).toEqual({
      proxy_url: null,
      requests_per_minute: 7,
      models: null,
      api_key: 'sk-new',
    });
  });
});

describe('buildPatchPayload on fields the server always keeps', () => {
  it('does not send a blank weight or priority', () => {
    const initial = accountToFormValues(testAccount({ id: '1', name: 'a', provider: 'openai', weight: 3, priority: 1 }));
    expect(buildPatchPayload(initial, { ...initial, weight: null, priority: 2 })).toEqual({ priority: 2 });
  });
});
