// Which configuration a document is checked under: the editor's `govreport.*` settings (asked for with
// `workspace/configuration`, or pushed with `didChangeConfiguration` by clients that cannot be asked),
// combined with the nearest `.govreport.json` for documents on disk, the file taking precedence, and then
// with the file's `overrides` that match the document's path.

import * as fs from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import {
  checkOptionsKey, configForFile, formatProblem, mergeConfig, toCheckOptions, validateConfig,
  type ConfigProblem, type GovReportConfig,
} from '../core/config';
import type { CheckOptions, Locale } from '../core/index';
import { projectConfigFor, relativeReportPath } from '../node/config';
import { configDiagnostics } from './configDiagnostics';
import { fileUriOf } from './workspace';

export const SETTINGS_SECTION = 'govreport';

export interface DocumentConfig {
  /** Settings and project file combined, the overrides that match this document folded in. */
  config: GovReportConfig;
  /** One object per distinct configuration, since the service caches findings by options identity. */
  options: CheckOptions;
  locale: Locale;
  /** The project file that applies and the document's path relative to it (what ignore entries name). */
  project: { path: string; relativeFile: string } | undefined;
  /** The document's path on disk, for `file:` URIs. */
  filePath: string | undefined;
}

export interface ConfigResolverOptions {
  connection: Connection;
  /** Whether the client answers `workspace/configuration`. */
  canAskForSettings: boolean;
  /** The locale the client started with, used while settings say 'auto'. */
  clientLocale: Locale;
  /** Whether the workspace is trusted: if not, the patterns of profiles a project file defines never run. */
  workspaceTrusted: boolean;
}

export class ConfigResolver {
  private readonly settingsByUri = new Map<string, Promise<GovReportConfig>>();
  private pushedSettings: GovReportConfig = {};
  private readonly optionsByKey = new Map<string, CheckOptions>();
  /** Problems already reported, so that each is logged once and not on every keystroke. */
  private readonly reported = new Set<string>();

  constructor(private readonly host: ConfigResolverOptions) {}

  /** Settings changed: forget what was asked, and take what was pushed (clients that cannot be asked). */
  /** The user trusted the workspace: its project files' own profiles may run from now on. */
  trustGranted(): void {
    this.host.workspaceTrusted = true;
  }

  settingsChanged(pushed: unknown): void {
    this.settingsByUri.clear();
    if (!this.host.canAskForSettings) {
      const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
      this.pushedSettings = this.validateSettings(section);
    }
  }

  forget(uri: string): void {
    this.settingsByUri.delete(uri);
  }

  async resolve(uri: string): Promise<DocumentConfig> {
    const settings = await this.settingsFor(uri);
    // A .docx's text view is configured as the .docx file itself.
    const filePath = toFilePath(fileUriOf(uri) ?? uri);
    const loaded = filePath ? projectConfigFor(filePath) : undefined;
    if (loaded) {
      this.report(loaded.problems, loaded.path, true);
      this.publishFileProblems(loaded.path, loaded.problems);
    }
    const relativeFile = loaded && filePath ? relativeReportPath(loaded.path, filePath) : undefined;
    const config = configForFile(mergeConfig(settings, loaded ? this.trustedPart(loaded.config, loaded.path) : undefined), relativeFile);
    return {
      config,
      options: this.optionsFor(config),
      locale: config.locale ?? this.host.clientLocale,
      project: loaded && relativeFile !== undefined ? { path: loaded.path, relativeFile } : undefined,
      filePath,
    };
  }

  private optionsFor(config: GovReportConfig): CheckOptions {
    const key = checkOptionsKey(config);
    let options = this.optionsByKey.get(key);
    if (!options) {
      options = {
        ...toCheckOptions(config),
        onRuleError: (ruleId, error) => this.host.connection.console.error(`rule ${ruleId} failed: ${(error as Error)?.stack ?? String(error)}`),
      };
      this.optionsByKey.set(key, options);
    }
    return options;
  }

  private settingsFor(uri: string): Promise<GovReportConfig> {
    if (!this.host.canAskForSettings) return Promise.resolve(this.pushedSettings);
    let settings = this.settingsByUri.get(uri);
    if (!settings) {
      settings = this.host.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => this.validateSettings(raw),
        (error: unknown) => {
          this.host.connection.console.warn(`workspace/configuration failed: ${(error as Error)?.message ?? String(error)}`);
          return {};
        },
      );
      this.settingsByUri.set(uri, settings);
    }
    return settings;
  }

  private validateSettings(raw: unknown): GovReportConfig {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const { locale, ...rest } = raw as Record<string, unknown>;
    // 'auto' follows the editor's language; the project file has no such value.
    const settings = locale === 'auto' || locale === undefined || locale === null ? rest : { ...rest, locale };
    // `trace` belongs to the language client; `ignore` and `overrides` live in project files only (their
    // paths are relative to the file's folder).
    const { config, problems } = validateConfig(settings, { extraKeys: ['trace'] });
    this.report(problems, 'settings: govreport');
    delete config.ignore;
    delete config.overrides;
    return config;
  }

  /**
   * A project file in an untrusted workspace: everything but its own profiles, whose regular expressions are
   * code from whoever wrote the file. Said once per file.
   */
  private trustedPart(config: GovReportConfig, file: string): GovReportConfig {
    if (this.host.workspaceTrusted || !config.profiles) return config;
    const line = `${file}: ${this.host.clientLocale === 'en' ? 'the workspace is not trusted: the profiles this file defines are not used' : '工作区不受信任：未使用此文件中自定义的报告类型'}`;
    if (!this.reported.has(line)) {
      this.reported.add(line);
      this.host.connection.console.warn(line);
    }
    const { profiles: _untrusted, ...rest } = config;
    // A profile chosen by id that is not used falls back to detection.
    if (rest.profile && config.profiles.some((p) => p.id === rest.profile)) rest.profile = 'auto';
    if (rest.overrides) rest.overrides = rest.overrides.map((o) => (o.profile && config.profiles!.some((p) => p.id === o.profile) ? { ...o, profile: 'auto' } : o));
    return rest;
  }

  /** What was last published for each project file, so that it is sent again only when it changes. */
  private readonly publishedFileProblems = new Map<string, string>();

  /** The project file's problems as diagnostics on the file itself (none: the old ones are cleared). */
  private publishFileProblems(file: string, problems: ConfigProblem[]): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    } catch {
      return;
    }
    const diagnostics = configDiagnostics(text, problems, this.host.clientLocale);
    const key = JSON.stringify(diagnostics);
    if (this.publishedFileProblems.get(file) === key) return;
    this.publishedFileProblems.set(file, key);
    void this.host.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }

  /** Logs each problem once; a broken project file is also shown, since the user would otherwise wonder
   * why it has no effect (settings are validated by the editor itself). */
  private report(problems: ConfigProblem[], where: string, show = false): void {
    const fresh = problems.map((p) => `${where}: ${formatProblem(p, this.host.clientLocale)}`).filter((line) => !this.reported.has(line));
    if (fresh.length === 0) return;
    for (const line of fresh) {
      this.reported.add(line);
      this.host.connection.console.warn(line);
    }
    if (show) {
      const head = this.host.clientLocale === 'en' ? 'GovReport: problems in the configuration file, which were skipped' : 'GovReport：配置文件中有以下问题，相关设置未生效';
      // A notification, not `window.showWarningMessage` (a request): a client that cannot show message
      // requests must not make the server fail.
      void this.host.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${head}\n${fresh.join('\n')}` });
    }
  }
}

export function toFilePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
