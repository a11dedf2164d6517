/** browser.i18n with the key itself as a last resort, so a missing string never blanks the UI. */
export function t(key: string, subs?: string[]): string {
  try {
    return browser.i18n.getMessage(key as never, subs) || key;
  } catch {
    return key;
  }
}
