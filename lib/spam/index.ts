/** Spam walls and hidden links: scan, hide by attribute, show again, watch, hijack report. */
export { scanForSpam, type ScanOptions } from './scan';
export { countHidden, hideVerdicts, isHiddenSpam, isSpamShown, setSpamShown } from './hide';
export { watchForSpam } from './watch';
export { detectHijack } from './hijack';
export type { HideReason, HijackReport, SpamVerdict } from './types';
