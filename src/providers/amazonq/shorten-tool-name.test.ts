import { describe, expect, it } from 'vitest';
import { ToolNameMap, shortenToolName } from './shorten-tool-name.js';

describe('shortenToolName', () => {
  it('keeps names of up to 64 characters', () => {
    expect(shortenToolName('Bash')).toBe('Bash');
    expect(shortenToolName('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it('shortens longer names to a prefix plus a sha256 hex suffix, deterministically and distinctly', () => {
    const long = `mcp__server__${'very_long_tool_name_'.repeat(4)}a`;
    const other = `mcp__server__${'very_long_tool_name_'.repeat(4)}b`;
    const short = shortenToolName(long);
    expect(short).toHaveLength(64);
    expect(short).toMatch(/^mcp__server__very_long_tool_name_.*_[0-9a-f]{12}$/);
    expect(shortenToolName(long)).toBe(short);
    expect(shortenToolName(other)).not.toBe(short);
  });

  it('maps shortened names back to the original', () => {
    const names = new ToolNameMap();
    const long = 'n'.repeat(80);
    const short = names.toUpstream(long);
    expect(names.toOriginal(short)).toBe(long);
    expect(names.toOriginal('Bash')).toBe('Bash');
  });
});
