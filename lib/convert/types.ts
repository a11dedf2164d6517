/** The script a page shows. */
export type Script = 'hans' | 'hant' | 'mixed' | 'none';

/** Conversion targets. `hant` = OpenCC standard traditional, `tw`, `twp` (Taiwan phrasing), `hk`. */
export type Target = 'hans' | 'hant' | 'tw' | 'twp' | 'hk';

export type HantVariant = Exclude<Target, 'hans'>;

/** A string→string converter (opencc-js `Converter` result). */
export type ConvertFn = (text: string) => string;
