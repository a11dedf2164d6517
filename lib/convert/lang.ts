import type { HantVariant, Script, Target } from './types';

/** BCP 47 tag for text in `target`. */
export function targetLang(target: Target): string {
  switch (target) {
    case 'hans':
      return 'zh-Hans';
    case 'hant':
      return 'zh-Hant';
    case 'tw':
    case 'twp':
      return 'zh-TW';
    case 'hk':
      return 'zh-HK';
  }
}

/** The convert action goes to the other script; Traditional in the variant chosen in options. */
export function otherScriptTarget(shown: Script, hantVariant: HantVariant): Target {
  return shown === 'hant' || shown === 'mixed' ? 'hans' : hantVariant;
}
