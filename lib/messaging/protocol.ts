/**
 * The one typed protocol between the extension's parts. Names say the direction:
 * `page*` requests go to a tab's content script (from the popup or background),
 * `bg*` requests go to the background.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Target } from '../convert/types';
import type { Issue } from '../epaper/types';
import type { HijackReport } from '../spam/types';

export type ShownScript = 'hans' | 'hant' | 'mixed' | 'none';

/** What a tab's content script knows about its page. */
export interface PageState {
  url: string;
  issue: Issue | null;
  /** Why there is no issue (a short code the popup localises), when `issue` is null. */
  noIssueReason?: 'not-epaper' | 'frame' | 'error';
  script: ShownScript;
  converted: Target | null;
  /** The target the convert action would go to now (restoring counts as the original script). */
  convertTarget: Target | 'restore';
  spamCount: number;
  spamShown: boolean;
  spamEnabled: boolean;
  hijack: HijackReport | null;
  readerOpen: boolean;
  /** Things the extension could not do on this page, for the popup to say plainly. */
  problems: string[];
  /** The page's own `lang` (of <html>), for page text whose script does not tell. */
  pageLang?: string;
  /** Characters changed by the Traditional repair while it is applied (absent: not applied). */
  repaired?: number;
  /** Whether the repaired places are marked (while the repair is applied). */
  repairMarks?: boolean;
}

/** What the popup offers for botched Traditional: `fixes` > 0 when there is something to repair. */
export interface RepairOfferState {
  /** Characters the repair changes (or changed, while applied). */
  fixes: number;
  /** The Traditional variant the repair writes (`tw`, `hk` or `hant`). */
  variant: 'tw' | 'hk' | 'hant' | null;
  applied: boolean;
}

export type CollectScope = 'section' | 'issue';

interface ProtocolMap {
  pageGetState(): PageState;
  pageToggleReader(): PageState;
  /** Toggle between the original and the other script; `target` forces a target. */
  pageToggleConvert(data: { target?: Target }): PageState;
  pageSetSpamShown(data: { shown: boolean }): PageState;
  pageReadCollection(data: { scope: CollectScope }): PageState;
  pageConvertSelection(data: { text: string }): { converted: string; copied: boolean };
  /** Estimates the Traditional repair (loads the converters on first use). */
  pageRepairOffer(): RepairOfferState;
  /** Applies the Traditional repair, or undoes it when applied. */
  pageToggleRepair(): PageState;
  /** Shows or hides the marks on repaired places. */
  pageSetRepairMarks(data: { shown: boolean }): PageState;
  /** The background injects a lazily loaded bundle into the asking frame. */
  bgLoadBundle(data: { bundle: LazyBundle }): boolean;
  bgSpamCount(data: { count: number }): void;
  /** The background inserts the spam-hiding rule into the asking frame as user-origin CSS. */
  bgInsertSpamCss(): boolean;
  bgOpenOptions(): void;
  /** The keyboard shortcuts as the browser has them now (the user may have changed them). */
  bgShortcuts(): Record<string, string>;
}

/** Bundles loaded into a page only when needed (see entrypoints/*.ts unlisted scripts). */
export type LazyBundle = 'opencc-hans' | 'opencc-hant' | 'reader' | 'epaper';

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
