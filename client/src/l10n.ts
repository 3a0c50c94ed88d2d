// The UI's language in VS Code: govreport.locale for the resource, or VS Code's display language when it is `auto`
// (see messages.ts). Views of one document take the language the server answered in instead (FiguresResult.locale,
// CoverageResult.locale), which also counts a project file's `locale`: the view then speaks as its diagnostics do.
import * as vscode from 'vscode';
import { localeOf, translate, type UiLocale } from './messages';

export { plural, type UiLocale } from './messages';

export function uiLocale(scope?: vscode.Uri): UiLocale {
  return localeOf(vscode.workspace.getConfiguration('govreport', scope).get('locale'), vscode.env.language);
}

/** `message` in the UI's language (uiLocale without a resource). */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  return translate(uiLocale(), message, ...args);
}

/** `message` in a given language: a document's, as the server answered in it. */
export function tIn(locale: UiLocale, message: string, ...args: (string | number | boolean)[]): string {
  return translate(locale, message, ...args);
}
