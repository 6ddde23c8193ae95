import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { zhCn } from './locales/zh-cn';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`)));
}

const sourceRoot = path.resolve(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return ['generated', 'locales', 'test'].includes(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Text a person reads that does not go through t(): JSX text and string literals in user-facing props. */
function untranslatedStrings(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  // JSX text between tags (`>Save<`, `> Add account <`), in .tsx files; not arrows (`=>`) or generics.
  const jsxText = file.endsWith('.tsx') ? text.matchAll(/(?<![=\-])>([^<>{}`]*[A-Za-z\u4e00-\u9fff][^<>{}`]*)</g) : [];
  for (const match of jsxText) {
    const value = match[1]!.trim();
    if (!value || value.startsWith(',') || /^(Sluice|IdC|HTTP|amq-…)$/.test(value) || /[=;()]|\bconst\b/.test(value)) continue;
    found.push(value);
  }
  // User-facing props given a string literal: title="…", placeholder='…', label={'…'}.
  for (const match of text.matchAll(/\b(title|label|placeholder|tooltip|description|okText|cancelText|emptyText|extra|aria-label)=\{?\s*(['"])([^'"]*[A-Za-z\u4e00-\u9fff][^'"]*)\2/g)) {
    const value = match[3]!;
    if (/^(https?:|socks5:|gpt-4|claude-|arn:|us-east-1|amq-)/.test(value)) continue;
    found.push(`${match[1]}="${value}"`);
  }
  return found;
}

describe('translations', () => {
  it('zh-CN and en have exactly the same keys, none empty', () => {
    const english = leafKeys(en as Tree).sort();
    const chinese = leafKeys(zhCn as Tree).sort();
    expect(chinese).toEqual(english);
    const empty = [...leafKeys(en as Tree), ...leafKeys(zhCn as Tree)].filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], en);
      return typeof value === 'string' && value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('every key the source uses exists in the dictionaries', () => {
    const english = new Set(leafKeys(en as Tree));
    const missing: string[] = [];
    for (const file of sourceFiles(sourceRoot)) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) if (!english.has(match[1]!)) missing.push(`${path.relative(sourceRoot, file)}: ${match[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('no user-facing text in the source bypasses the i18n layer', () => {
    const offenders = sourceFiles(sourceRoot).flatMap((file) => untranslatedStrings(file).map((value) => `${path.relative(sourceRoot, file)}: ${value}`));
    expect(offenders).toEqual([]);
  });
});
