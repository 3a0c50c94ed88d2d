// The regression corpus: every seed and every real report of test/fixtures/corpus with the findings it is
// expected to get, kept in test/fixtures/corpus/expected/ — rule, line, character, severity and message, the
// way markdownlint keeps its fixture results. A change of output is then a reviewed change: the unit test
// compares exactly, and `npm run corpus -- --update` rewrites the files after the reviewer has read the text.
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, parseReport, type Finding } from '../../server/src/core/index';

const ROOT = path.resolve(__dirname, '../..');
export const EXPECTED_DIR = path.join(ROOT, 'test/fixtures/corpus/expected');

export interface CorpusReport {
  /** e.g. 'seeds/000_99d9b9cc9a7ff384.txt', 'fazhi/pingtan-2024.txt'. */
  id: string;
  file: string;
}

/** One finding as the expected files hold it: 1-based line and character, as an editor shows them. */
export interface ExpectedFinding {
  line: number;
  character: number;
  severity: Finding['severity'];
  rule: string;
  message: string;
}

function textFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** The seeds, then each folder of the corpus, in name order. */
export function corpusReports(): CorpusReport[] {
  const out: CorpusReport[] = textFiles(path.join(ROOT, 'seeds')).map((f) => ({ id: `seeds/${f}`, file: path.join(ROOT, 'seeds', f) }));
  const corpus = path.join(ROOT, 'test/fixtures/corpus');
  for (const kind of fs.readdirSync(corpus).filter((d) => d !== 'expected' && fs.statSync(path.join(corpus, d)).isDirectory()).sort()) {
    for (const f of textFiles(path.join(corpus, kind))) out.push({ id: `${kind}/${f}`, file: path.join(corpus, kind, f) });
  }
  return out;
}

/** The findings of one report as the editor and the CLI give them (default settings, profile detected). */
export function actualFindings(report: CorpusReport): ExpectedFinding[] {
  const findings = checkModel(parseReport(fs.readFileSync(report.file, 'utf8')));
  return findings.map((f) => ({
    line: f.range.start.line + 1, character: f.range.start.character + 1, severity: f.severity, rule: f.rule, message: f.message.zh,
  }));
}

export function expectedPath(report: CorpusReport): string {
  return path.join(EXPECTED_DIR, report.id.replace(/\.txt$/, '.json'));
}

/** One finding per line, so that a change reads as a one-line diff. */
export function formatExpected(findings: ExpectedFinding[]): string {
  if (findings.length === 0) return '[]\n';
  return `[\n${findings.map((f) => `  ${JSON.stringify(f)}`).join(',\n')}\n]\n`;
}

export function readExpected(report: CorpusReport): ExpectedFinding[] | undefined {
  const file = expectedPath(report);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ExpectedFinding[]) : undefined;
}
