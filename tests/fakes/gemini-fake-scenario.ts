/** What the fake Gemini API answers to the next generateContent call. */
export type GeminiFakePart =
  | { type: 'text'; text: string }
  | { type: 'thought'; text: string }
  | { type: 'call'; name: string; args: Record<string, unknown>; id?: string };

export interface GeminiFakeUsage {
  prompt: number;
  candidates: number;
  cached?: number;
  thoughts?: number;
}

export type GeminiFakeScenario =
  | { kind: 'reply'; parts: GeminiFakePart[]; finishReason?: string; usage?: GeminiFakeUsage; cutAfterChunks?: number }
  | { kind: 'error'; status: number; body: unknown };

export const geminiText = (text: string, usage?: GeminiFakeUsage): GeminiFakeScenario => ({ kind: 'reply', parts: [{ type: 'text', text }], usage });

export const geminiCall = (name: string, args: Record<string, unknown>, textBefore?: string): GeminiFakeScenario => ({
  kind: 'reply',
  parts: [...(textBefore ? [{ type: 'text' as const, text: textBefore }] : []), { type: 'call', name, args }],
});

/** Google's error body, e.g. `geminiError(400, 'INVALID_ARGUMENT', 'API key not valid.', 'API_KEY_INVALID')`. */
export const geminiError = (status: number, code: string, message: string, reason?: string, extraDetails: unknown[] = []): GeminiFakeScenario => ({
  kind: 'error',
  status,
  body: {
    error: {
      code: status,
      message,
      status: code,
      details: [...(reason ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }] : []), ...extraDetails],
    },
  },
});
