/**
 * The history of a coding agent's request, about 230 KB of JSON as Claude Code sends after a while:
 * turns of text, tool calls and tool results, and a set of tool definitions. Deterministic, so every
 * run sends the same bytes.
 */
export function agentHistory(turns = 40): { messages: unknown[]; tools: unknown[] } {
  const messages: unknown[] = [];
  for (let turn = 0; turn < turns; turn += 1) {
    messages.push({ role: 'user', content: [{ type: 'text', text: `${'Please read this file and explain what it does. '.repeat(40)}(${turn})` }] });
    messages.push({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Here is what the file does, step by step. '.repeat(40) },
        { type: 'tool_use', id: `toolu_bench_${turn}`, name: 'read_file', input: { path: `src/module-${turn}.ts`, lines: [1, 200] } },
      ],
    });
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_bench_${turn}`, content: 'export const value = 1;\n'.repeat(60) }] });
  }
  messages.push({ role: 'user', content: 'Say fifty words.' });
  const tools = Array.from({ length: 20 }, (_, index) => ({
    name: `tool_${index}`,
    description: 'Reads, searches or edits files in the workspace. '.repeat(10),
    input_schema: { type: 'object', properties: { path: { type: 'string', description: 'A workspace path.' }, lines: { type: 'array', items: { type: 'number' } } }, required: ['path'] },
  }));
  return { messages, tools };
}
