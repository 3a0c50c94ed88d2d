// Which configuration a document is checked under: the editor's `govreport.*` settings (asked for with
// `workspace/configuration`, or pushed with `didChangeConfiguration` by clients that cannot be asked),
// combined with the nearest `.govreport.json` for documents on disk, the file taking precedence, and then
// with the file's `overrides` that match the document's path.

import { fileURLToPath, pathToFileURL } from 'url';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import {
  checkOptionsKey, configForFile, formatProblem, mergeConfig, toCheckOptions, validateConfig,
  type ConfigProblem, type GovReportConfig,
} from '../core/config';
import type { CheckOptions, Locale } from '../core/index';
import { projectConfigFor, relativeReportPath, type ProjectConfig } from '../node/config';
import { configDiagnostics } from './configDiagnostics';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { fileUriOf } from './workspace';

export const SETTINGS_SECTION = 'govreport';
/** Problems listed in the pop-up for one project file; all of them go to the log. */
const MAX_SHOWN_PROBLEMS = 10;

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
  /** Whether the workspace is trusted: if not, the profiles and overrides a project file defines are not used. */
  workspaceTrusted: boolean;
}

export class ConfigResolver {
  private readonly settingsByUri = new Map<string, Promise<GovReportConfig>>();
  private pushedSettings: GovReportConfig = {};
  private readonly optionsByKey = new Map<string, CheckOptions>();
  /** Problems already reported, so that each is logged once and not on every keystroke. */
  private readonly reported = new Set<string>();

  constructor(private readonly host: ConfigResolverOptions) {}

  /** The user trusted the workspace: its project files' own profiles and overrides apply from now on. */
  trustGranted(): void {
    this.host.workspaceTrusted = true;
  }

  /** Settings changed: forget what was asked, and take what was pushed (clients that cannot be asked). */
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
    // A text view (of a .docx, a PDF, a web page) is configured as the file itself.
    const filePath = toFilePath(fileUriOf(uri) ?? uri);
    const loaded = filePath ? projectConfigFor(filePath) : undefined;
    if (loaded) this.seen(loaded);
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

  /** The project file as last loaded, per path: loadProjectConfig hands back the same object until the file changes. */
  private readonly lastLoaded = new Map<string, ProjectConfig>();

  /** A project file read anew (first use, or changed since): its problems said and shown on it, once per reading. */
  private seen(loaded: ProjectConfig): void {
    if (this.lastLoaded.get(loaded.path) === loaded) return;
    this.lastLoaded.set(loaded.path, loaded);
    this.host.connection.console.log(this.host.clientLocale === 'en' ? `read ${loaded.path}` : `已读取配置文件 ${loaded.path}`);
    this.report(loaded.problems, loaded.path, true);
    this.publishFileProblems(loaded);
  }

  /**
   * A project file in an untrusted workspace: everything but its own profiles, whose regular expressions are
   * code from whoever wrote the file, and its overrides, whose globs are too. Said once per file.
   */
  private trustedPart(config: GovReportConfig, file: string): GovReportConfig {
    if (this.host.workspaceTrusted || (!config.profiles && !config.overrides)) return config;
    const keys = [config.profiles && 'profiles', config.overrides && 'overrides'].filter(Boolean).join(this.host.clientLocale === 'en' ? ' and ' : ' 和 ');
    const line = `${file}: ${this.host.clientLocale === 'en' ? `the workspace is not trusted: the ${keys} of this file are not used` : `工作区不受信任：未使用此文件中的 ${keys}`}`;
    if (!this.reported.has(line)) {
      this.reported.add(line);
      this.host.connection.console.warn(line);
    }
    const { profiles, overrides: _untrusted, ...rest } = config;
    // A profile chosen by id that is not used falls back to detection.
    if (rest.profile && profiles?.some((p) => p.id === rest.profile)) rest.profile = 'auto';
    return rest;
  }

  /** What was last published for each project file, so that it is sent again only when it changes. */
  private readonly publishedFileProblems = new Map<string, string>();

  /** The project file's problems as diagnostics on the file itself (none: the old ones are cleared), placed on the
   * text they were found in; a file that was not read (too large, unreadable) gets them at its start. */
  private publishFileProblems(loaded: ProjectConfig): void {
    const diagnostics: Diagnostic[] = loaded.text !== undefined
      ? configDiagnostics(loaded.text, loaded.problems, this.host.clientLocale)
      : loaded.problems.map((p) => ({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: formatProblem(p, this.host.clientLocale),
      }));
    const key = JSON.stringify(diagnostics);
    if (this.publishedFileProblems.get(loaded.path) === key) return;
    this.publishedFileProblems.set(loaded.path, key);
    void this.host.connection.sendDiagnostics({ uri: pathToFileURL(loaded.path).href, diagnostics });
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
      // The first few; the Output channel has them all.
      const shown = fresh.length > MAX_SHOWN_PROBLEMS
        ? [...fresh.slice(0, MAX_SHOWN_PROBLEMS), this.host.clientLocale === 'en' ? `… and ${fresh.length - MAX_SHOWN_PROBLEMS} more (see the Output panel)` : `……另有 ${fresh.length - MAX_SHOWN_PROBLEMS} 项（见“输出”面板）`]
        : fresh;
      void this.host.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${head}\n${shown.join('\n')}` });
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
