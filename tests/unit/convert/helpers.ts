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
