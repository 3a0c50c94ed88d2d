/** Why a PDF cannot be read, in both languages: shown as one line, and the batch goes on. */
export class PdfError extends Error {
  constructor(readonly zh: string, en: string) {
    super(en);
    this.name = 'PdfError';
  }
}
