/**
 * `npm test`: typecheck, lint, unit tests, both builds, web-ext lint, the spam evaluation and
 * the e2e suites in Chromium and Firefox ESR. Prints every step and ends with one line
 * `N passed, N failed` summing all suites (vitest's test counts plus one per other check).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../tests/corpus';

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const rows: string[] = [];
const outDir = join(repoRoot, 'test-results');
mkdirSync(outDir, { recursive: true });

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { ok: boolean; out: string } {
  const res = spawnSync(cmd, args, {
    cwd: repoRoot,
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = (res.stdout ?? '') + (res.stderr ?? '');
  return { ok: res.status === 0, out };
}

/** A step that counts as one check. */
function check(name: string, cmd: string, args: string[], verify?: (out: string) => string | null): boolean {
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const { ok, out } = run(cmd, args);
  const problem = !ok ? 'exit code' : (verify?.(out) ?? null);
  process.stdout.write(out.split('\n').slice(-40).join('\n'));
  if (problem) {
    total.failed++;
    rows.push(`✗ ${name} (${problem})`);
  } else {
    total.passed++;
    rows.push(`✓ ${name}`);
  }
  return !problem;
}

/** A vitest suite: its own test counts are added. */
function vitestSuite(name: string, configArgs: string[]): void {
  const report = join(outDir, `${name}.json`);
  console.log(`\n── ${name}: vitest run ${configArgs.join(' ')}`);
  const { ok, out } = run('npx', [
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  process.stdout.write(out);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests ?? 0;
    failed = (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
    skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
  if (!ok && failed === 0) failed = 1; // a crash, a collection error or a run with no tests
  if (passed === 0 && failed === 0) failed = 1;
  total.passed += passed;
  total.failed += failed;
  rows.push(`${failed ? '✗' : '✓'} ${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

const only = process.argv.slice(2);
const want = (step: string) => only.length === 0 || only.includes(step);

if (want('typecheck')) check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
if (want('lint')) check('lint', 'npx', ['biome', 'ci', '.']);
if (want('unit')) vitestSuite('unit', []);
let built = true;
if (want('build')) {
  built = check('build chrome-mv3', 'npx', ['wxt', 'build']) && built;
  built = check('build firefox-mv2', 'npx', ['wxt', 'build', '-b', 'firefox']) && built;
}
if (want('web-ext')) {
  // 0 errors and 0 warnings, except UNSAFE_VAR_ASSIGNMENT (innerHTML) inside third-party library
  // code (Preact's dangerouslySetInnerHTML, DOMPurify, Readability), which we cannot change;
  // every such warning is printed, and our own code must not add any (see the note in README).
  check(
    'web-ext lint (firefox)',
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery'],
    (out) => {
      const json = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
      const errors: { code: string; message: string; file?: string }[] = json.errors ?? [];
      const warnings: { code: string; message: string; file?: string }[] = json.warnings ?? [];
      const library = warnings.filter((w) => w.code === 'UNSAFE_VAR_ASSIGNMENT');
      const other = warnings.filter((w) => w.code !== 'UNSAFE_VAR_ASSIGNMENT');
      console.log(
        `\nweb-ext lint: ${errors.length} errors, ${other.length} warnings, ${library.length} innerHTML notes in bundled library code`,
      );
      for (const m of [...errors, ...warnings]) console.log(`  ${m.code}: ${m.message} (${m.file ?? ''})`);
      return errors.length === 0 && other.length === 0 ? null : `${errors.length} errors, ${other.length} warnings`;
    },
  );
}
if (want('eval')) check('spam evaluation (Chromium)', 'npx', ['node', 'scripts/eval-spam.mjs']);
if (want('e2e')) {
  if (built) vitestSuite('e2e', ['-c', 'vitest.e2e.config.ts']);
  else {
    total.failed++;
    rows.push('✗ e2e (not run: the build failed)');
  }
}

console.log('\n── summary');
for (const r of rows) console.log(r);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
