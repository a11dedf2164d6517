/** Why an element is hidden as spam; the value of `data-qingdu-hidden`. */
export type HideReason = 'wall' | 'hidden-link' | 'link' | 'user';

export interface SpamVerdict {
  element: Element;
  reason: HideReason;
  score: number;
  /** Short human-readable reasons, for debugging and the popup's details. */
  signals: string[];
}

export interface HijackReport {
  hijacked: boolean;
  reasons: string[];
}
