import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSecretKey } from './resolve-secret-key.js';
import { createSecretBox } from './secret-box.js';

describe('secret box', () => {
  it('round-trips, never repeats a ciphertext and hides the plaintext', () => {
    const box = createSecretBox('a long operator secret');
    const first = box.seal('{"api_key":"sk-secret"}');
    const second = box.seal('{"api_key":"sk-secret"}');
    expect(first).not.toBe(second);
    expect(first).not.toContain('sk-secret');
    expect(first.startsWith('v1.')).toBe(true);
    expect(box.open(first)).toBe('{"api_key":"sk-secret"}');
  });

  it('refuses a wrong key and tampered envelopes', () => {
    const sealed = createSecretBox('key one').seal('hello');
    expect(() => createSecretBox('key two').open(sealed)).toThrow();
    const parts = sealed.split('.');
    const tampered = [parts[0], parts[1], parts[2], Buffer.from('nope').toString('base64url')].join('.');
    expect(() => createSecretBox('key one').open(tampered)).toThrow();
    expect(() => createSecretBox('key one').open('garbage')).toThrow(/Unrecognised/);
  });
});

describe('resolveSecretKey', () => {
  it('prefers SECRET_KEY, else generates DATA_DIR/secret.key once with mode 0600', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-secret-'));
    try {
      expect(resolveSecretKey({ secretKey: 'given', dataDir })).toBe('given');
      expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(false);
      const generated = resolveSecretKey({ dataDir });
      expect(generated.length).toBeGreaterThanOrEqual(40);
      expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(resolveSecretKey({ dataDir })).toBe(generated);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
