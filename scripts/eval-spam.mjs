// Runs the spam evaluation in Chromium: `node scripts/eval-spam.mjs`. Bundles the TypeScript
// evaluation with esbuild (Node 20 cannot run .ts), prints block-level precision and recall, and
// exits non-zero unless both are 1.0.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
// Inside the repo so the bundle's bare imports (esbuild, playwright-core) resolve.
const dir = join(repoRoot, 'node_modules/.cache/qingdu-eval');
mkdirSync(dir, { recursive: true });
const outfile = join(dir, 'eval-spam.mjs');
// lib/charsets/generated.ts is generated (postinstall, before builds); make sure it exists.
if (!existsSync(join(repoRoot, 'lib/charsets/generated.ts'))) {
  const { generateCharsets } = await import(pathToFileURL(join(repoRoot, 'scripts/gen-charsets.mjs')).href);
  await generateCharsets();
}
try {
  await build({
    entryPoints: [join(repoRoot, 'scripts/eval-spam-lib.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  const { runSpamEvaluation } = await import(pathToFileURL(outfile).href);
  const result = await runSpamEvaluation({ repoRoot, only: process.argv[2] });
  for (const row of result.rows) {
    const mark = row.correct ? 'ok  ' : 'FAIL';
    console.log(`${mark} ${row.label.padEnd(5)} ${row.page}  ${row.selector}${row.matched === 0 ? '  (matched nothing)' : ''}`);
  }
  console.log('hidden per page:', JSON.stringify(result.hiddenPerPage, null, 1));
  console.log(`blocks: ${result.rows.length}  precision ${result.precision.toFixed(3)}  recall ${result.recall.toFixed(3)}`);
  process.exitCode = result.precision === 1 && result.recall === 1 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
