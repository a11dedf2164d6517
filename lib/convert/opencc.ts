import type { ConvertFn, HantSource, OpenCCLike, Target } from './types';

/** opencc-js `{from, to}` for each target (see the opencc-js README's config table). */
export function converterOptions(target: Target, sourceVariant?: HantSource): { from: string; to: string } {
  switch (target) {
    case 'hans':
      return { from: sourceVariant ?? 't', to: 'cn' };
    case 'hant':
      return { from: 'cn', to: 't' };
    case 'tw':
      return { from: 'cn', to: 'tw' };
    case 'twp':
      return { from: 'cn', to: 'twp' };
    case 'hk':
      return { from: 'cn', to: 'hk' };
  }
}

/**
 * Builds the converter for `target` from an opencc-js bundle passed in by the caller, so this
 * module carries no dictionary: `opencc-js/t2cn` for `hans`, `opencc-js/cn2t` for the others.
 * Uses `Converter` (with phrase segmentation), not `ConverterFactory`.
 */
export function makeConverter(opencc: OpenCCLike, target: Target, sourceVariant?: HantSource): ConvertFn {
  return opencc.Converter(converterOptions(target, sourceVariant));
}
