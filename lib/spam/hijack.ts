/**
 * Page-level hijack: spam in the title/meta that the page body does not carry. The caller shows
 * a warning banner; nothing is hidden for it.
 */
import { classifyCounts, countScriptChars } from '../charsets';
import { lexiconHits } from './lexicon';
import type { HijackReport } from './types';

const MAX_BODY_TEXT = 300_000;
/** Strong terms per Han character above which the body itself is about that subject. */
const BODY_DENSITY = 0.002;

function metaContent(doc: Document, name: string): string {
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    if ((metas[i].getAttribute('name') ?? '').toLowerCase() === name) return metas[i].getAttribute('content') ?? '';
  }
  return '';
}

function countOccurrences(text: string, terms: string[]): number {
  let n = 0;
  for (const term of terms) {
    for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) n++;
  }
  return n;
}

/** The strong spam terms found in `text`, as substrings (for counting them in the body). */
function strongTermsIn(text: string): string[] {
  const found: string[] = [];
  // Re-run the lexicon on short windows: cheap, and keeps the lexicon in one place.
  const parts = text.split(/[,，、|\s]+/).filter(Boolean);
  for (const part of parts) if (lexiconHits(part).strong > 0) found.push(part);
  return found;
}

export function detectHijack(doc: Document): HijackReport {
  const reasons: string[] = [];
  try {
    const title = doc.title ?? '';
    const keywords = metaContent(doc, 'keywords');
    const description = metaContent(doc, 'description');
    const head = `${title} ${keywords} ${description}`;
    const headHits = lexiconHits(head);
    if (headHits.strong < 2) return { hijacked: false, reasons };
    reasons.push(`spam terms in title/meta (${headHits.strong})`);

    const body = doc.body;
    const bodyText = (body?.textContent ?? '').slice(0, MAX_BODY_TEXT);
    const bodyCounts = countScriptChars(bodyText);
    const titleCounts = countScriptChars(head);
    const bodyScript = classifyCounts(bodyCounts);
    const headScript = classifyCounts(titleCounts);
    const mismatch = (headScript === 'hans' && bodyScript === 'hant') || (headScript === 'hant' && bodyScript === 'hans');
    if (mismatch) reasons.push(`title script ${headScript} on a ${bodyScript} page`);

    const phrases = strongTermsIn(head);
    const density = bodyCounts.han > 0 ? countOccurrences(bodyText, phrases) / bodyCounts.han : 1;
    const bodyLacks = density < BODY_DENSITY;
    if (bodyLacks) reasons.push('body text lacks the title terms');
    if (keywords && keywords.trim() === title.trim()) reasons.push('keywords repeat the title');
    const heading = doc.querySelector('h1');
    if (heading && lexiconHits(heading.textContent ?? '').strong >= 1) reasons.push('spam term in the page heading');
    const hijacked = bodyLacks || mismatch;
    return { hijacked, reasons: hijacked ? reasons : [] };
  } catch {
    return { hijacked: false, reasons: [] };
  }
}
