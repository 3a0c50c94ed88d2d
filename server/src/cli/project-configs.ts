// Which configuration each report is checked under on the command line.
import {
  checkOptionsKey, configForFile, formatProblem, mergeConfig, toCheckOptions, type GovReportConfig,
} from '../core/config';
import type { CheckOptions } from '../core/index';
import { loadProjectConfig, projectConfigFor, relativeReportPath, type ProjectConfig } from '../node/config';
import type { Options } from './args';

/** The configuration of each report: its project file (the nearest, or --config) under the command
 * line's own options. One CheckOptions per distinct configuration; each file's problems printed once. */
export class ProjectConfigs {
  private readonly optionsByKey = new Map<string, CheckOptions>();
  private readonly reported = new Set<string>();

  constructor(private readonly cli: Options) {}

  forReport(file: string): { config: GovReportConfig; options: CheckOptions; relativeFile: string | undefined; problems: string[] } {
    const project: ProjectConfig | undefined = this.cli.configPath ? loadProjectConfig(this.cli.configPath) : projectConfigFor(file);
    const problems: string[] = [];
    if (project && !this.reported.has(project.path)) {
      this.reported.add(project.path);
      for (const p of project.problems) problems.push(`govreport: ${project.path}: ${formatProblem(p, this.cli.locale)}\n`);
    }
    const relativeFile = project ? relativeReportPath(project.path, file) : undefined;
    const config = configForFile(mergeConfig({}, project?.config), relativeFile);
    if (this.cli.profile) config.profile = this.cli.profile;
    const key = checkOptionsKey(config);
    let options = this.optionsByKey.get(key);
    if (!options) this.optionsByKey.set(key, (options = toCheckOptions(config)));
    return { config, options, relativeFile, problems };
  }
}
