// `govreport compare PREVIOUS CURRENT`: reads the two reports and prints what this year took over from last year.
import { compareReports, localize, parseReport } from '../core/index';
import { compareJson, compareText } from '../node/compare';
import { readLimits, readReport } from '../node/files';
import { EXIT_OK, EXIT_USAGE, type Options } from './args';
import { ProjectConfigs } from './project-configs';
import { displayPath, plain } from './render/style';

/** Two files, read like any report (any encoding, .docx and web pages too, within the same size limit). */
export async function compareFiles(parsed: Options): Promise<number> {
  // This year's project file (or --config, --profile) says which kind of report it is, as for `check`.
  const { config, options, problems } = new ProjectConfigs(parsed).forReport(parsed.paths[1]);
  for (const p of problems) process.stderr.write(plain(p));
  const limits = readLimits(parsed.maxFileSize ?? config.maxFileSize);
  const [previous, current] = await Promise.all(parsed.paths.map((p) => readReport(p, limits)));
  for (const read of [previous, current]) {
    if ('reason' in read) process.stderr.write(plain(`govreport: ${read.path}: ${localize(read.reason, parsed.locale)}`) + '\n');
  }
  if ('reason' in previous || 'reason' in current) return EXIT_USAGE;
  const comparison = compareReports(parseReport(previous.text), parseReport(current.text), { profile: options.profile, extraProfiles: options.extraProfiles });
  const files = { previous: previous.path, current: current.path, comparison };
  process.stdout.write(parsed.format === 'json' ? compareJson(files) : compareText(files, parsed.locale, displayPath));
  return EXIT_OK;
}
