/** Why a .docx cannot be read, in both languages: shown as one line, and the batch goes on. */
export class DocxError extends Error {
  constructor(readonly zh: string, en: string) {
    super(en);
  }
}

/** Sizes in messages: 「64 MB」. */
export function megabytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${bytes} B`;
}
