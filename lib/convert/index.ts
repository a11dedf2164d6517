export { detectScript } from './detect';
export { otherScriptTarget, targetLang } from './lang';
export { converterOptions, makeConverter } from './opencc';
export { PageConverter } from './page';
export { convertText } from './text';
export type { ConvertFn, ConvertStats, HantSource, HantVariant, OpenCCLike, Script, Target } from './types';
