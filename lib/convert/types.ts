/** The script a page shows. */
export type Script = 'hans' | 'hant' | 'mixed' | 'none';

/** Conversion targets. `hant` = OpenCC standard traditional, `tw`, `twp` (Taiwan phrasing), `hk`. */
export type Target = 'hans' | 'hant' | 'tw' | 'twp' | 'hk';

export type HantVariant = Exclude<Target, 'hans'>;

/** A string→string converter (opencc-js `Converter` result). */
export type ConvertFn = (text: string) => string;

/** What `PageConverter.apply` reports. */
export interface ConvertStats {
  changedNodes: number;
  changedAttrs: number;
}

/** The part of an opencc-js bundle (`opencc-js/t2cn` or `opencc-js/cn2t`) that we use. */
export interface OpenCCLike {
  Converter(options: { from: string; to: string }): (text: string) => string;
}

/** Source variants a traditional page may be written in (for target `hans`). */
export type HantSource = 'cn' | 't' | 'tw' | 'hk';
