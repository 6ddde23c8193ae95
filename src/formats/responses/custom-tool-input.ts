/**
 * Custom (free-form, grammar) tools have a raw string input; the canonical model carries tool input
 * as a JSON object. A custom tool is therefore offered to other upstreams as a function taking one
 * string property `input`, and its calls travel as `{input: "<raw text>"}` in both directions.
 */
export const customToolInputProperty = 'input';

export const customToolInput = (raw: string): Record<string, string> => ({ [customToolInputProperty]: raw });

/** The raw text of a custom tool call from its canonical input (or its JSON text if the model strayed). */
export function rawCustomToolInput(input: unknown, rawJson: string): string {
  if (typeof input === 'object' && input !== null && typeof (input as Record<string, unknown>)[customToolInputProperty] === 'string') {
    return (input as Record<string, string>)[customToolInputProperty]!;
  }
  return typeof input === 'string' ? input : rawJson;
}

/** The JSON schema a custom tool gets on upstreams that only know function tools. */
export function customToolInputSchema(format: { type: string; syntax?: string | null; definition?: string | null } | null | undefined): Record<string, unknown> {
  const grammar = format?.type === 'grammar' && format.definition ? ` It must match this ${format.syntax ?? ''} grammar:\n${format.definition}` : '';
  return {
    type: 'object',
    properties: { [customToolInputProperty]: { type: 'string', description: `The raw input text for this tool.${grammar}` } },
    required: [customToolInputProperty],
    additionalProperties: false,
  };
}
