/** CJK font stacks chosen by the article's script, so Traditional text gets TC glyph shapes. */
export type ReaderFont = 'serif' | 'sans';

const STACKS: Record<'hans' | 'hant', Record<ReaderFont, string>> = {
  hans: {
    serif: '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", SimSun, serif',
    sans: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  },
  hant: {
    serif: '"Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU, MingLiU, serif',
    sans: '"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif',
  },
};

export function fontStackFor(lang: string, font: ReaderFont): string {
  return STACKS[lang === 'zh-Hant' ? 'hant' : 'hans'][font];
}
