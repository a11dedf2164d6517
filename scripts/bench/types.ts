/** The contract between scripts/bench.ts and each scripts/bench/<module>.ts. */
import type { Browser } from 'playwright-core';

/** One figure of the benchmark table. */
export interface BenchRow {
  figure: string;
  value: number;
  unit: 'ms' | 'ratio' | 'bytes' | 'count';
  baseline?: string;
  limit?: string;
  pass?: boolean;
}

export interface BenchContext {
  browser: Browser;
  corpusDir: string;
  repoRoot: string;
}
