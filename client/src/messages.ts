// The words of the extension's own UI (views, webviews, notifications, quick picks), in one of the two languages the
// server speaks: the English text is the key, its Chinese is in l10n/bundle.l10n.zh-cn.json, bundled into the client.
// Not vscode.l10n: that follows VS Code's display language only, while the user's choice is govreport.locale — the
// language of the diagnostics and hovers — which a Chinese user may set in an English VS Code (and back).
// This module has no `vscode` import, so that what it builds (the figures webview's HTML) can be tested outside VS Code.
import zhBundle from '../../l10n/bundle.l10n.zh-cn.json';

export type UiLocale = 'zh' | 'en';

const ZH: Readonly<Record<string, string>> = zhBundle;

/**
 * The language of the UI: govreport.locale when it names one, else VS Code's display language — English for en-*,
 * Chinese for every other (as the server's pickLocale: it speaks no third language).
 */
export function localeOf(setting: unknown, displayLanguage: string): UiLocale {
  if (setting === 'zh' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** `message` (English, with {0} {1} … placeholders) in `locale`, the arguments put in. */
export function translate(locale: UiLocale, message: string, ...args: (string | number | boolean)[]): string {
  const text = locale === 'zh' ? ZH[message] ?? message : message;
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/**
 * The English message for `n` of something: `one` for 1, `other` otherwise («1 place», «2 places»). Both are keys of
 * the Chinese bundle, which has no plural.
 */
export function plural(n: number, one: string, other: string): string {
  return n === 1 ? one : other;
}

/** Whether the Chinese bundle has `message` (for the tests that keep bundle and code in step). */
export function hasChinese(message: string): boolean {
  return Object.prototype.hasOwnProperty.call(ZH, message);
}
