import { type LazyBundle, onMessage, sendMessage } from '@/lib/messaging/protocol';
import { SPAM_HIDING_CSS } from '@/lib/spam/hide';

const BUNDLE_FILES: Record<LazyBundle, '/opencc-hans.js' | '/opencc-hant.js' | '/reader.js' | '/epaper.js'> = {
  'opencc-hans': '/opencc-hans.js',
  'opencc-hant': '/opencc-hant.js',
  reader: '/reader.js',
  epaper: '/epaper.js',
};

/** MV3 has `action`, Firefox MV2 `browserAction`. */
const action = () => (browser.action ?? (browser as any).browserAction) as typeof browser.action;

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Injects a lazily loaded bundle into the content script's world of one frame. */
async function injectBundle(tabId: number, frameId: number, bundle: LazyBundle): Promise<boolean> {
  const file = BUNDLE_FILES[bundle];
  if (!file) return false;
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  } else {
    await (browser.tabs as any).executeScript(tabId, { file, frameId });
  }
  return true;
}

/**
 * The spam-hiding rule as user-origin CSS: a user `!important` declaration outranks every author
 * one, so no page stylesheet (nor a pre-created #qingdu-spam-style) can show hidden spam again.
 */
async function insertSpamCss(tabId: number, frameId: number): Promise<boolean> {
  if (browser.scripting?.insertCSS) {
    await browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css: SPAM_HIDING_CSS, origin: 'USER' });
  } else {
    await (browser.tabs as any).insertCSS(tabId, { code: SPAM_HIDING_CSS, cssOrigin: 'user', frameId });
  }
  return true;
}

async function runCommand(command: string, tabId: number): Promise<void> {
  if (command === 'toggle-reader') await sendMessage('pageToggleReader', undefined, tabId);
  else if (command === 'toggle-script') await sendMessage('pageToggleConvert', {}, tabId);
  else if (command === 'toggle-repair') await sendMessage('pageToggleRepair', undefined, tabId);
  else if (command === 'toggle-spam') {
    const state = await sendMessage('pageGetState', undefined, tabId);
    await sendMessage('pageSetSpamShown', { shown: !state.spamShown }, tabId);
  }
}

export default defineBackground(() => {
  onMessage('bgLoadBundle', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    try {
      return await injectBundle(tabId, sender.frameId ?? 0, data.bundle);
    } catch {
      return false;
    }
  });

  onMessage('bgSpamCount', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await action().setBadgeText({ tabId, text: data.count > 0 ? String(Math.min(data.count, 999)) : '' });
    await action().setBadgeBackgroundColor({ tabId, color: '#8a3b12' });
  });

  onMessage('bgInsertSpamCss', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    try {
      return await insertSpamCss(tabId, sender.frameId ?? 0);
    } catch {
      return false; // the in-page stylesheet still hides
    }
  });

  onMessage('bgOpenOptions', () => browser.runtime.openOptionsPage());

  onMessage('bgShortcuts', async () => {
    const all = (await browser.commands?.getAll()) ?? [];
    return Object.fromEntries(all.filter((c) => c.name && c.shortcut).map((c) => [c.name!, c.shortcut!]));
  });

  browser.commands?.onCommand.addListener((command) => {
    activeTabId()
      .then((tabId) => (tabId === undefined ? undefined : runCommand(command, tabId)))
      .catch(() => {});
  });

  // Created at every start: Firefox's persistent MV2 background does not keep menus made only
  // in onInstalled across browser restarts; removeAll first avoids duplicate-id errors.
  browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: 'qingdu-convert-selection',
        title: browser.i18n.getMessage('menuConvertSelection'),
        contexts: ['selection'],
      }),
    )
    .catch(() => {});

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== 'qingdu-convert-selection' || !tab?.id || !info.selectionText) return;
    sendMessage('pageConvertSelection', { text: info.selectionText }, { tabId: tab.id, frameId: info.frameId ?? 0 }).catch(
      () => {},
    );
  });
});
