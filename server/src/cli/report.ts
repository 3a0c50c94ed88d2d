// One report through the whole pipeline: read, fixed (with --fix), parsed and checked, into plain data that a
// worker thread can hand back to the main thread and every renderer can draw from.
import * as path from 'path';
import { checkReportText, filterIgnored } from '../core/config';
import { fixAll, type ChosenFix } from '../core/fixes';
import {
  buildOutline, checkModel, figureRows, localize, matchSections, parseReport, resolveProfile,
  type FigureRow, type Finding, type OutlineNode, type ReportModel,
} from '../core/index';
import {
  encodeReport, extractedKind, fsPathOf, readLimits, readReport, TEXT_EXTENSIONS,
  type FoundFile, type ReportFile, type UnreadableFile,
} from '../node/files';
import { replaceFileContent, WriteRefused } from '../node/write';
import type { Options } from './args';
import type { ProjectConfigs } from './project-configs';

/** What became of one report: plain data, so that a worker thread can hand it back to the main thread. */
export interface Checked {
  /** As shown; `bytes` when the name is not valid UTF-8 (the path as the file system has it). */
  file: FoundFile;
  isReport: boolean;
  /** The profile the report was checked against, as resolved (it may be forced). */
  profile: string | null;
  title: string | null;
  year: ReportModel['year'] | null;
  outline: OutlineNode[];
  figures: FigureRow[];
  findings: Finding[];
  /** For `matrix`: each item of the profile, present or not. */
  items: Record<string, boolean>;
  /** What `--fix` changed, pass by pass, and whether it could write the file. */
  fixed: ChosenFix[];
  fixError?: { zh: string; en: string };
  /** Of a paged document (a PDF): the 0-based line on which each page starts, to name the page of a finding. */
  pageStarts?: number[];
  /** Of a saved web page: its 发布日期 and 来源 as the site prints them. */
  pageDetails?: string;
}

/** One file through the whole pipeline; `undefined` text means the file could not be read. */
export type Processed = { checked: Checked; notes: string[] } | { unreadable: UnreadableFile; notes: string[] };

/** Reads, fixes (with --fix) and checks one report; everything the output needs is in the result. */
export async function processReport(found: FoundFile, parsed: Options, configs: ProjectConfigs): Promise<Processed> {
  const notes: string[] = [];
  const f = found.path;
  // The project file is found from the name as shown: one in a folder whose own name is not UTF-8 is not seen.
  const { config, options, relativeFile, problems } = configs.forReport(f);
  notes.push(...problems);
  const read = await readReport(found, readLimits(parsed.maxFileSize ?? config.maxFileSize));
  if ('reason' in read) return { unreadable: read, notes: [...notes, `govreport: ${f}: ${localize(read.reason, parsed.locale)}\n`] };
  const locale = parsed.localeGiven ? parsed.locale : config.locale ?? parsed.locale;
  let text = read.text;
  let fixed: ChosenFix[] = [];
  let fixError: Checked['fixError'];
  const extracted = extractedKind(read.encoding);
  if (parsed.fix && extracted) {
    // The text was extracted: writing it back would destroy the document it came from.
    notes.push(`govreport: ${f}: ${localize({
      zh: `${extracted.zh}只检查、不改写，请在原文件中按下列问题修改`,
      en: `a ${extracted.en} is checked, never rewritten: fix the findings below in the original`,
    }, locale)}\n`);
  } else if (parsed.fix && TEXT_EXTENSIONS.includes(path.extname(f).toLowerCase())) {
    const result = fixAll(text, (t) => checkReportText(t, options, config, relativeFile));
    if (result.text !== text) {
      fixError = writeBack(read, found, result.text);
      if (!fixError) {
        text = result.text;
        fixed = result.applied;
      }
    }
  }
  const model = parseReport(text);
  const wantFindings = parsed.command === 'check' || parsed.command === 'matrix' || parsed.diagnostics;
  const findings = model.isReport && wantFindings ? filterIgnored(checkModel(model, options), text, relativeFile, config) : [];
  const profile = resolveProfile(model, options.profile ?? 'auto', options.extraProfiles);
  const items: Record<string, boolean> = {};
  if (parsed.command === 'matrix' && profile && model.isReport) {
    for (const s of matchSections(model, profile)) items[s.item.id] = s.present;
  }
  if (fixError) notes.push(`govreport: ${f}: ${localize(fixError, locale)}\n`);
  return {
    notes,
    checked: {
      file: found,
      isReport: model.isReport,
      profile: profile?.id ?? null,
      title: model.title?.text ?? null,
      year: model.year ?? null,
      outline: parsed.command === 'outline' && model.isReport ? buildOutline(model, locale) : [],
      figures: parsed.command === 'figures' && model.isReport ? figureRows(model) : [],
      findings,
      items,
      fixed,
      fixError,
      ...(read.pageStarts ? { pageStarts: read.pageStarts } : {}),
      ...(read.pageDetails ? { pageDetails: read.pageDetails } : {}),
    },
  };
}

/**
 * Writes the fixed text over the file in the encoding it was read in (see replaceFileContent: through a link to
 * the real file, keeping hard links, never over a read-only file or a change made since the file was read).
 * Refuses when the original text would not encode back to the original bytes (a character with two encodings
 * in GB18030, say): then even the unfixed parts would change, and the user did not ask for that.
 */
function writeBack(file: ReportFile, found: FoundFile, fixedText: string): { zh: string; en: string } | undefined {
  try {
    if (!Buffer.from(encodeReport(file.text, file.encoding)).equals(file.bytes)) {
      return { zh: '无法按原编码原样写回（文件中有编码方式不唯一的字符），未作修改', en: 'cannot be written back byte for byte in its encoding; left unchanged' };
    }
    replaceFileContent(fsPathOf(found), file.bytes, encodeReport(fixedText, file.encoding));
    return undefined;
  } catch (e) {
    if (e instanceof WriteRefused) return { zh: `未写入修正：${e.reason.zh}`, en: `fixes not written: ${e.reason.en}` };
    const message = (e as Error).message;
    return { zh: `无法写入修正：${message}`, en: `cannot write the fixes: ${message}` };
  }
}
