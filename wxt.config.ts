import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
// @ts-expect-error: a plain .mjs build script without types
import { generateCharsets } from './scripts/gen-charsets.mjs';
// @ts-expect-error: a plain .mjs build script without types
import { generateDicts } from './scripts/gen-dicts.mjs';

// Firefox is built as MV2 (WXT's default): host permissions are granted at install there,
// while Firefox MV3 treats them as optional and content scripts would not run until granted.
/**
 * Chrome refuses a content script that contains a Unicode noncharacter (the converter's U+FFFF
 * batch separator, emitted literally by the minifier) as "not UTF-8". They only occur inside
 * string and regex literals, where the escape means the same thing. Escaping everything instead
 * (esbuild charset: 'ascii') would double the size of the Chinese dictionaries.
 */
function escapeNoncharacters() {
  const nonchar = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
  return {
    name: 'qingdu-escape-noncharacters',
    enforce: 'post' as const,
    generateBundle(_: unknown, bundle: Record<string, { type: string; code?: string }>) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code) {
          chunk.code = chunk.code.replace(nonchar, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
        }
      }
    },
  };
}

export default defineConfig({
  modules: [],
  hooks: {
    // The script character sets and the compiled converter dictionaries are generated from the
    // installed OpenCC tables at every build.
    'build:before': async () => {
      await generateCharsets();
      await generateDicts();
    },
  },
  vite: () => ({
    plugins: [preact(), escapeNoncharacters()],
    build: { chunkSizeWarningLimit: 2000 },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'scripting', 'clipboardWrite'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Chromium silently leaves Alt+Shift+R and Alt+Shift+C unassigned (taken by the browser):
    // Y for 阅读 (yuèdú), J for 简繁 (jiǎnfán), S for spam.
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_cmdToggleReader__',
      },
      'toggle-script': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_cmdToggleScript__',
      },
      'toggle-spam': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdToggleSpam__',
      },
      'toggle-repair': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_cmdToggleRepair__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'qingdu@qingdu.example',
              // data_collection_permissions is understood from Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
