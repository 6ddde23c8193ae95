import type { ProviderName } from '../providers/provider-name.js';

export const defaultRegion = 'us-east-1';

export interface AccountEndpointInput {
  provider: ProviderName;
  baseUrl: string | null;
  authUrl: string | null;
  region: string | null;
  authMethod: 'social' | 'idc' | 'api_key' | null;
  /** The OIDC region when it differs from the API region; null means the same. */
  authRegion?: string | null;
}

/**
 * The service root and token endpoint an account talks to. Stored overrides win; otherwise each
 * vendor's own default (DESIGN.md contract), with the AWS region filled in for Amazon Q and Kiro.
 */
export function resolveAccountEndpoints(input: AccountEndpointInput): { baseUrl: string; authUrl?: string } {
  const region = input.region ?? defaultRegion;
  const authRegion = input.authRegion ?? region;
  switch (input.provider) {
    case 'anthropic':
      return { baseUrl: input.baseUrl ?? 'https://api.anthropic.com' };
    case 'openai':
    case 'openai-compatible':
      return { baseUrl: input.baseUrl ?? 'https://api.openai.com/v1' };
    case 'amp':
      return { baseUrl: input.baseUrl ?? 'https://ampcode.com' };
    case 'gemini':
      return { baseUrl: input.baseUrl ?? 'https://generativelanguage.googleapis.com' };
    case 'amazonq':
      return { baseUrl: input.baseUrl ?? `https://q.${region}.amazonaws.com`, authUrl: input.authUrl ?? `https://oidc.${authRegion}.amazonaws.com` };
    case 'kiro': {
      const defaultAuthUrl =
        input.authMethod === 'idc' ? `https://oidc.${authRegion}.amazonaws.com` : `https://prod.${authRegion}.auth.desktop.kiro.dev`;
      return { baseUrl: input.baseUrl ?? `https://q.${region}.amazonaws.com`, authUrl: input.authUrl ?? defaultAuthUrl };
    }
    default: {
      const unreachable: never = input.provider;
      throw new Error(`Unknown provider ${String(unreachable)}`);
    }
  }
}
