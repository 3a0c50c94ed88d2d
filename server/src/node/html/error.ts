/** Why a saved web page cannot be read, in both languages: shown as one line, and the batch goes on. */
export class HtmlError extends Error {
  constructor(readonly zh: string, en: string) {
    super(en);
  }
}
