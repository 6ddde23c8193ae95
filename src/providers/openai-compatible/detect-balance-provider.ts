/** OpenAI-compatible services whose balance Sluice can read. */
export type BalanceProvider = 'openrouter' | 'deepseek' | 'moonshot-cn' | 'moonshot-ai' | 'siliconflow';

/** Which balance endpoint an OpenAI-compatible base URL has, by host; undefined when none is known. */
export function detectBalanceProvider(baseUrl: string): BalanceProvider | undefined {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const matches = (domain: string) => host === domain || host.endsWith(`.${domain}`);
  if (matches('openrouter.ai')) return 'openrouter';
  if (matches('deepseek.com')) return 'deepseek';
  if (matches('moonshot.cn')) return 'moonshot-cn';
  if (matches('moonshot.ai')) return 'moonshot-ai';
  if (matches('siliconflow.cn') || matches('siliconflow.com')) return 'siliconflow';
  return undefined;
}
