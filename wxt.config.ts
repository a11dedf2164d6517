import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
// @ts-expect-error: a plain .mjs build script without types
import { generateCharsets } from './scripts/gen-charsets.mjs';

// Firefox is built as MV2 (WXT's default): host permissions are granted at install there,
// while Firefox MV3 treats them as optional and content scripts would not run until granted.
export default defineConfig({
  modules: [],
  hooks: {
    // The script character sets are generated from the installed OpenCC tables at every build.
    'build:before': async () => {
      await generateCharsets();
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2000 },
    // Chrome refuses content scripts containing Unicode noncharacters (the converter's U+FFFF
    // separator) as "not UTF-8": emit ASCII with escapes.
    esbuild: { charset: 'ascii' },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'scripting', 'clipboardWrite'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_cmdToggleReader__',
      },
      'toggle-script': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_cmdToggleScript__',
      },
      'toggle-spam': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdToggleSpam__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'qingdu@qingdu.example',
              strict_min_version: manifestVersion === 2 ? '115.0' : '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
