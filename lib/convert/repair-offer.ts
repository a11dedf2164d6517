import { classifyCounts, countScriptChars } from '../charsets';
import { estimateRepair, type RepairEstimate, type RepairVariant, type RoundTripPair } from './repair';
import type { ConvertFn, Script, Target } from './types';

/** Only a page shown in Traditional (or mixed) can be botched Traditional; a Simplified page's round trip would rewrite it all. */
export function shouldOfferRepair(script: Script): boolean {
  return script === 'hant' || script === 'mixed';
}

/** What the popup offers: "Repair Traditional (N fixes)". */
export interface RepairOffer {
  variant: RepairVariant;
  /** Characters the repair changes on the whole page. */
  fixes: number;
  estimate: RepairEstimate;
}

/**
 * Decides whether to offer a repair: the variant is chosen on a sample of the page's visible
 * text, then `countPage` counts what that variant's repair changes on the whole page.
 * Null when there is nothing to repair.
 */
export function repairOffer(
  script: Script,
  sample: string,
  pairs: ReadonlyMap<RepairVariant, RoundTripPair>,
  countPage: (variant: RepairVariant) => { fixes: number },
): RepairOffer | null {
  if (!shouldOfferRepair(script) || pairs.size === 0) return null;
  const estimate = estimateRepair(sample, pairs);
  if (estimate.fixes === 0 && estimate.simplifiedOnly === 0) return null;
  const fixes = countPage(estimate.variant).fixes;
  return fixes > 0 ? { variant: estimate.variant, fixes, estimate } : null;
}

/**
 * The repair for text of unknown script (articles fetched for whole-section reading): applied to
 * Traditional or mixed text only, so a Simplified article is never turned into Traditional.
 */
export function repairWhereTraditional(repair: ConvertFn): ConvertFn {
  return (text: string) => (shouldOfferRepair(classifyCounts(countScriptChars(text))) ? repair(text) : text);
}

/** A conversion as the reader applies it: the target and its converter. */
export interface ReaderConversion {
  target: Target;
  convert: ConvertFn;
}

/** The repair first, then the page's conversion on top (null: neither applies). */
export function composeRepair(
  repair: { variant: RepairVariant; convert: ConvertFn } | null,
  conversion: ReaderConversion | null,
): ReaderConversion | null {
  if (!repair) return conversion;
  const repaired = repairWhereTraditional(repair.convert);
  if (!conversion) return { target: repair.variant, convert: repaired };
  return { target: conversion.target, convert: (text) => conversion.convert(repaired(text)) };
}
