/** Spam walls and hidden links: scan, hide by attribute, show again, watch, hijack report. */

export { countHidden, hideVerdicts, isHiddenSpam, isSpamShown, SPAM_HIDING_CSS, setSpamShown } from './hide';
export { detectHijack } from './hijack';
export { type ScanOptions, scanForSpam } from './scan';
export type { HideReason, HijackReport, SpamVerdict } from './types';
export { watchForSpam } from './watch';
