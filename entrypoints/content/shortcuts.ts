/**
 * The extension's keyboard commands, also answered from the page. In a normal window the
 * browser consumes a command's keys and the page never sees them; where the browser does not
 * route them (headless, some kiosk setups) this listener does the same thing. It uses the
 * shortcuts as the browser has them now, so a shortcut the user changed or removed is honoured.
 */
export type CommandName = 'toggle-reader' | 'toggle-script' | 'toggle-spam' | 'toggle-repair';

interface Combo {
  alt: boolean;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
  key: string;
}

/** Parses Chrome/Firefox shortcut strings such as `Alt+Shift+R` or `Ctrl+Shift+Period`. */
export function parseShortcut(shortcut: string): Combo | null {
  const parts = shortcut.split('+').map((p) => p.trim());
  const key = parts.pop();
  if (!key) return null;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const named: Record<string, string> = { Comma: ',', Period: '.', Space: ' ' };
  return {
    alt: mods.has('alt'),
    shift: mods.has('shift'),
    ctrl: mods.has('ctrl') || mods.has('macctrl'),
    meta: mods.has('command'),
    key: (named[key] ?? key).toLowerCase(),
  };
}

function matches(combo: Combo, e: KeyboardEvent): boolean {
  // Alt/Shift change e.key on some layouts, so letters and digits are compared by code.
  const code = e.code.replace(/^Key|^Digit/, '').toLowerCase();
  return (
    e.altKey === combo.alt &&
    e.shiftKey === combo.shift &&
    e.ctrlKey === combo.ctrl &&
    e.metaKey === combo.meta &&
    (code === combo.key || e.key.toLowerCase() === combo.key)
  );
}

export function listenForShortcuts(
  doc: Document,
  shortcuts: Record<string, string>,
  run: (command: CommandName) => void,
): () => void {
  const combos = Object.entries(shortcuts)
    .map(([name, s]) => [name as CommandName, parseShortcut(s)] as const)
    .filter((x): x is readonly [CommandName, Combo] => x[1] !== null);
  if (!combos.length) return () => {};
  const onKeyDown = (e: KeyboardEvent) => {
    // Only the user's own keys: a page can dispatch synthetic keydown events (isTrusted false).
    if (!e.isTrusted || e.repeat || e.isComposing) return;
    const hit = combos.find(([, combo]) => matches(combo, e));
    if (!hit) return;
    e.preventDefault();
    e.stopPropagation();
    run(hit[0]);
  };
  doc.addEventListener('keydown', onKeyDown, true);
  return () => doc.removeEventListener('keydown', onKeyDown, true);
}
