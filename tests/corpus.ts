/**
 * The one way tests reach the shared corpus (`../shared/corpus` from the repo root).
 * When it is absent (a user's clone) corpus tests are skipped with a printed notice;
 * under CI=true its absence fails the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = process.env.QINGDU_CORPUS ? resolve(process.env.QINGDU_CORPUS) : resolve(repoRoot, '../shared/corpus');
export const hasCorpus = existsSync(join(corpusDir, 'seed/MANIFEST.json'));

let warned = false;
/** Call at the top of a corpus test file: returns true when corpus tests should run. */
export function requireCorpus(): boolean {
  if (hasCorpus) return true;
  if (process.env.CI === 'true') {
    throw new Error(`The shared corpus is missing at ${corpusDir}; it is required under CI=true.`);
  }
  if (!warned) {
    warned = true;
    console.warn(`NOTICE: shared corpus not found at ${corpusDir}: corpus tests are skipped.`);
  }
  return false;
}

export function corpusPath(...parts: string[]): string {
  return join(corpusDir, ...parts);
}

/** Reads a corpus file as bytes-decoded UTF-8 text (BOM stripped). */
export function readCorpusText(...parts: string[]): string {
  return readFileSync(corpusPath(...parts), 'utf8').replace(/^\uFEFF/, '');
}

export function readManifest<T = any>(dir: 'seed' | 'epaper' | 'spam'): T {
  return JSON.parse(readFileSync(corpusPath(dir, 'MANIFEST.json'), 'utf8')) as T;
}

export const fixturesDir = join(repoRoot, 'tests/fixtures');
