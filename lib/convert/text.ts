import { safeConvert } from './batch';
import type { ConvertFn } from './types';

/** Converts a plain string (e.g. the "convert selection" menu); on error returns it unchanged. */
export function convertText(text: string, convert: ConvertFn): string {
  return safeConvert(text, convert);
}
