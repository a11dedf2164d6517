import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countScriptChars } from '../../lib/charsets';
import { repoRoot } from '../corpus';

const locales = ['en', 'zh_CN', 'zh_TW'] as const;
const messages = Object.fromEntries(
  locales.map((l) => [l, JSON.parse(readFileSync(join(repoRoot, 'public/_locales', l, 'messages.json'), 'utf8'))]),
) as Record<string, Record<string, { message: string; placeholders?: Record<string, unknown> }>>;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(tsx?|html)$/.test(name)) out.push(p);
  }
  return out;
}

describe('locales', () => {
  it('every locale has exactly the same keys, none empty', () => {
    const en = Object.keys(messages.en).sort();
    expect(en.length).toBeGreaterThan(20);
    for (const l of locales) {
      expect(Object.keys(messages[l]).sort(), l).toEqual(en);
      for (const [key, m] of Object.entries(messages[l])) expect(m.message.trim(), `${l}.${key}`).not.toBe('');
    }
  });

  it('placeholders agree across locales', () => {
    for (const key of Object.keys(messages.en)) {
      const shape = (l: string) => Object.keys(messages[l][key].placeholders ?? {}).sort();
      for (const l of locales) expect(shape(l), `${l}.${key}`).toEqual(shape('en'));
    }
  });

  it('every key the code asks for literally exists', () => {
    const files = [
      ...sourceFiles(join(repoRoot, 'entrypoints')),
      ...sourceFiles(join(repoRoot, 'components')),
      join(repoRoot, 'wxt.config.ts'),
    ];
    const used = new Set<string>();
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\b(?:t|getMessage)\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]);
      for (const m of src.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((k) => !messages.en[k]);
    expect(missing).toEqual([]);
  });

  it('the Chinese locales are in their own script', () => {
    const text = (l: string) =>
      Object.values(messages[l])
        .map((m) => m.message)
        .join('');
    const cn = countScriptChars(text('zh_CN'));
    const tw = countScriptChars(text('zh_TW'));
    expect(cn.hans).toBeGreaterThan(20);
    expect(cn.hant).toBe(0);
    expect(tw.hant).toBeGreaterThan(20);
    expect(tw.hans).toBe(0);
  });
});
