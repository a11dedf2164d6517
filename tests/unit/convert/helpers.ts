import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { fixturesDir } from '../../corpus';

export function fixtureHtml(name: string): string {
  return readFileSync(join(fixturesDir, 'convert', name), 'utf8');
}

export function domOf(html: string, url = 'http://epaper.example/html/2024-01/02/content_1.htm'): JSDOM {
  return new JSDOM(html, { url });
}

/** Lets queued microtasks (MutationObserver callbacks, our coalesced flush) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** A converter that counts its calls, around a real one. */
export function counted(convert: (s: string) => string): { convert: (s: string) => string; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    convert: (s: string) => {
      calls.push(s);
      return convert(s);
    },
  };
}

export interface OpenCCCase {
  id: string;
  input: string;
  expected: Record<string, string>;
}

/** testcases.json has comments and trailing commas; strip them as OpenCC's node/opencc.js does. */
export function parseCases(text: string): OpenCCCase[] {
  const cleaned = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/,(\s*[\]}])/g, '$1');
  return (JSON.parse(cleaned) as { cases: OpenCCCase[] }).cases;
}

/** opencc-js `{from, to}` for each OpenCC config (opencc-js README table). */
export const CONFIG_OPTIONS: Record<string, { from: string; to: string }> = {
  s2t: { from: 'cn', to: 't' },
  s2tw: { from: 'cn', to: 'tw' },
  s2twp: { from: 'cn', to: 'twp' },
  s2hk: { from: 'cn', to: 'hk' },
  s2hkp: { from: 'cn', to: 'hkp' },
  t2s: { from: 't', to: 'cn' },
  tw2s: { from: 'tw', to: 'cn' },
  tw2sp: { from: 'twp', to: 'cn' },
  hk2s: { from: 'hk', to: 'cn' },
  hk2sp: { from: 'hkp', to: 'cn' },
  t2tw: { from: 't', to: 'tw' },
  t2hk: { from: 't', to: 'hk' },
  tw2t: { from: 'tw', to: 't' },
  hk2t: { from: 'hk', to: 't' },
  jp2t: { from: 'jp', to: 't' },
  t2jp: { from: 't', to: 'jp' },
};
