/**
 * The `lang` of a piece of page text, from its script: `zh-Hans` or `zh-Hant` when its
 * characters say so, otherwise the page's own language. Screen readers pick their voice from
 * it, so Chinese shown in an English UI is not read with an English voice.
 */
import { classifyCounts, countScriptChars } from '@/lib/charsets';

/** `undefined` when nothing is known: the element then inherits its parent's language. */
export function textLang(text: string, pageLang?: string | null): string | undefined {
  const counts = countScriptChars(text);
  // Text with no script-specific character (中国人民) reads the same in both scripts.
  if (counts.hans + counts.hant > 0) {
    const script = classifyCounts(counts);
    if (script === 'hans') return 'zh-Hans';
    if (script === 'hant') return 'zh-Hant';
  }
  const page = pageLang?.trim() || undefined;
  // Han text on a page that claims another language (a template's lang="en") is still Chinese.
  if (counts.han > 0 && !/^zh\b/i.test(page ?? '')) return 'zh';
  return page;
}

/**
 * The language to fall back on for a page's text: its own `lang` when that is Chinese, else
 * the script the page shows (`hans` / `hant`), else whatever the page says.
 */
export function pageTextLang(pageLang: string | undefined | null, shownScript: string | undefined | null): string | undefined {
  const own = pageLang?.trim() || undefined;
  if (own && /^zh\b/i.test(own)) return own;
  if (shownScript === 'hans' || shownScript === 'zh-Hans') return 'zh-Hans';
  if (shownScript === 'hant' || shownScript === 'zh-Hant') return 'zh-Hant';
  return own;
}
