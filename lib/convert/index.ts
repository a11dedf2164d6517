export { detectScript } from './detect';
export { otherScriptTarget, targetLang } from './lang';
export { converterOptions, makeConverter } from './opencc';
export { PageConverter } from './page';
export {
  countFixes,
  countSimplifiedOnly,
  diffChanges,
  estimateRepair,
  hansSourceOf,
  REPAIR_VARIANTS,
  type RepairEstimate,
  type RepairVariant,
  type RoundTripPair,
  repairText,
  roundTrip,
  type TextChange,
  type VariantScore,
} from './repair';
export { canMark, MARK_HIGHLIGHT, showRepairMarks } from './repair-marks';
export {
  composeRepair,
  type ReaderConversion,
  type RepairOffer,
  repairOffer,
  repairWhereTraditional,
  shouldOfferRepair,
} from './repair-offer';
export { PageRepairer, previewRepair, type RepairPlace, type RepairStats, visibleTextSample } from './repair-page';
export { convertText } from './text';
export type { ConvertFn, ConvertStats, HantSource, HantVariant, OpenCCLike, Script, Target } from './types';
