/**
 * countScriptChars (lib/charsets) with a lookup table instead of two Set probes per Han
 * character: the same counts, several times faster on the page-text sample a wall's
 * script-mismatch signal reads. The table is built from the same sets on first use.
 */
import { hansOnly, hantOnly, type ScriptCounts } from '../charsets';

const FIRST = 0x3400;
const LAST = 0x9fff;
let table: Uint8Array | null = null;

function buildTable(): Uint8Array {
  const t = new Uint8Array(LAST - FIRST + 1);
  // hansOnly is probed first in countScriptChars, so it wins where both sets hold a character.
  for (const ch of hantOnly) if (ch.length === 1) mark(t, ch.charCodeAt(0), 2);
  for (const ch of hansOnly) if (ch.length === 1) mark(t, ch.charCodeAt(0), 1);
  return t;
}

function mark(t: Uint8Array, code: number, value: number): void {
  if (code >= FIRST && code <= LAST) t[code - FIRST] = value;
}

export function countScript(text: string, into: ScriptCounts = { han: 0, hans: 0, hant: 0 }): ScriptCounts {
  table ??= buildTable();
  const t = table;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < FIRST || code > LAST) continue;
    into.han++;
    const kind = t[code - FIRST];
    if (kind === 1) into.hans++;
    else if (kind === 2) into.hant++;
  }
  return into;
}
