/**
 * Writes `expected.json` next to each e-paper fixture from what the code makes of it, for a
 * person to review (git diff) before committing. Usage:
 *   npx tsx scripts/write-expected.ts            # every fixture without expected.json
 *   npx tsx scripts/write-expected.ts <slug>...  # these fixtures (overwrites)
 *   npx tsx scripts/write-expected.ts --all      # every fixture (overwrites)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { epaperPages, observe } from '../tests/epaper-pages';

const args = process.argv.slice(2);
const all = args.includes('--all');
const slugs = args.filter((a) => !a.startsWith('--'));

for (const page of epaperPages()) {
  const file = join(page.dir, 'expected.json');
  const wanted = all || slugs.includes(page.slug) || (slugs.length === 0 && !existsSync(file));
  if (!wanted) continue;
  const obs = observe(page);
  writeFileSync(file, `${JSON.stringify(obs, null, 2)}\n`);
  const what = obs.system
    ? `${obs.system} ${obs.kind}, ${obs.sections?.length} sections, ${obs.articles?.length} titles`
    : 'not an e-paper';
  console.log(`${page.slug}: ${what}`);
}
