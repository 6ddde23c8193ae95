const tokenPattern = /\b(sk-[A-Za-z0-9_*-]{6,}|sk-ant-[A-Za-z0-9_*-]{6,}|sgamp_[A-Za-z0-9_*]{6,}|Bearer\s+[A-Za-z0-9._~+/=*-]{8,})/g;

/** Removes the account's own secrets and anything shaped like an API key from text bound for logs or clients. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result.replace(tokenPattern, '[redacted]');
}
