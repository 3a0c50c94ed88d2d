// The progress bar of a batch on stderr.
import type { Locale } from '../core/index';

const PROGRESS_MIN_FILES = 5;

/**
 * A progress bar on stderr while a batch is checked, on a terminal only (never in a pipe or a log), and only
 * for batches large enough to take a moment.
 */
export class Progress {
  private doneCount = 0;
  private readonly shown: boolean;
  private lastDraw = 0;

  constructor(private readonly total: number, private readonly locale: Locale) {
    this.shown = process.stderr.isTTY === true && total > PROGRESS_MIN_FILES;
  }

  advance(n: number): void {
    this.doneCount += n;
    if (!this.shown) return;
    const now = Date.now();
    if (now - this.lastDraw < 50 && this.doneCount < this.total) return;
    this.lastDraw = now;
    const width = 24;
    const filled = Math.round((this.doneCount / this.total) * width);
    const label = this.locale === 'en' ? 'checking' : '正在检查';
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.doneCount}/${this.total}`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
  }
}
