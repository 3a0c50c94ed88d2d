// The parts of the configuration surface that follow from the rule registry and the built-in profiles:
// the JSON schema of `.govreport.json`, the `govreport.rules` / `govreport.profile` settings in
// package.json, and their descriptions in package.nls*.json. Built here from the registry, written by
// `npm run generate:config`, and compared with the files on disk by test/unit/config.test.ts, so that a
// new rule cannot be forgotten in any of them.

import { DEFAULT_MAX_FILE_SIZE_MB, MAX_FILE_SIZE_CEILING_MB, SEVERITY_SETTINGS } from '../server/src/core/config';
import { MAX_GLOB_LENGTH } from '../server/src/core/glob';
import { BUILTIN_PROFILES, RULES, type Rule, type Severity } from '../server/src/core/index';

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };

/** What each severity means to the user, in the schema (Chinese) and the settings (via nls keys). */
const SEVERITY_DESCRIPTIONS_ZH = [
  '错误：以红色标出；命令行检查时退出码为 1',
  '警告：以黄色标出',
  '信息：以蓝色标出',
  '提示：不列入“问题”面板，只在编辑器中轻微标出',
  '关闭：不做此项检查',
];

const PROFILE_DESCRIPTIONS_ZH: Record<string, string> = {
  auto: '自动识别：根据报告标题判断报告类型',
  none: '不区分报告类型：只检查标题序号、格式转换残留等通用问题',
};

export const PROFILE_CHOICES = ['auto', 'none', ...BUILTIN_PROFILES.map((p) => p.id)];

function cites(rule: Rule): string {
  return rule.sources.map((s) => s.cite).join('；');
}

function profileDescriptionZh(id: string): string {
  const profile = BUILTIN_PROFILES.find((p) => p.id === id);
  return PROFILE_DESCRIPTIONS_ZH[id] ?? `${profile!.name.zh}（依据：${profile!.sources.map((s) => s.cite).join('；')}）`;
}

export function buildSchema(): object {
  const ruleIds = RULES.map((r) => r.id);
  // One property per rule, so that an editor completes and describes them: in `rules` and in `overrides`.
  const ruleSeverities = {
    propertyNames: { enum: ruleIds },
    properties: Object.fromEntries(RULES.map((rule) => [rule.id, {
      type: 'string',
      enum: SEVERITY_SETTINGS,
      enumDescriptions: SEVERITY_DESCRIPTIONS_ZH,
      description: `${rule.description.zh}（依据：${cites(rule)}）。默认级别：${SEVERITY_ZH[rule.defaultSeverity]}。`,
      markdownDescription: `${rule.description.zh}（依据：${cites(rule)}）。默认级别：**${SEVERITY_ZH[rule.defaultSeverity]}**。\n\n` +
        `*${rule.description.en}. Default: ${rule.defaultSeverity}.*`,
    }])),
    additionalProperties: false,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/govreport/govreport/blob/main/schemas/govreport.schema.json',
    title: 'GovReport 项目配置（.govreport.json）',
    description: 'GovReport 的项目配置文件。放在报告所在文件夹或其任一上级文件夹中，对其下所有报告生效；与编辑器设置同时存在时，以本文件为准。',
    markdownDescription: 'GovReport 的项目配置文件。放在报告所在文件夹或其任一上级文件夹中，对其下所有报告生效；与编辑器设置同时存在时，以本文件为准（规则级别逐条合并）。\n\n' +
      '*GovReport project configuration. Applies to every report in this folder and below; takes precedence over editor settings.*',
    type: 'object',
    additionalProperties: false,
    definitions: {
      message: { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } },
    },
    properties: {
      $schema: { type: 'string', description: '本文件所用 JSON 架构的地址。' },
      profile: {
        type: 'string',
        enum: PROFILE_CHOICES,
        enumDescriptions: PROFILE_CHOICES.map(profileDescriptionZh),
        default: 'auto',
        description: '按哪一类报告的法定内容进行检查。默认 auto，即根据标题自动识别。',
        markdownDescription: '按哪一类报告的法定内容进行检查：\n\n' +
          PROFILE_CHOICES.map((id) => `- \`${id}\`：${profileDescriptionZh(id)}`).join('\n') +
          '\n\n*Which kind of report to check against; `auto` recognises it from the title.*',
      },
      rules: {
        type: 'object',
        description: '逐条设置各项检查的级别：error（错误）、warning（警告）、information（信息）、hint（提示）或 off（不检查）。未列出的检查项按默认级别。',
        markdownDescription: '逐条设置各项检查的级别：`error`（错误）、`warning`（警告）、`information`（信息）、`hint`（提示）或 `off`（不检查）。未列出的检查项按默认级别。\n\n' +
          '例如：`{ "section-order": "off", "year-mismatch": "error" }`\n\n*Severity per rule id; `off` turns a rule off.*',
        ...ruleSeverities,
      },
      profiles: {
        type: 'array',
        description: '自定义的报告类型（在内置类型之前尝试）：每项含 id、name、detect.title（识别标题的正则）和 items（必备内容及其标题正则）。' +
          '正则按 JavaScript 语法书写，以 RE2 引擎运行（耗时与文本长度成正比，不会卡住）；不支持反向引用和前瞻断言。在不受信任的工作区中不使用。',
        markdownDescription: '自定义的报告类型（在内置类型之前尝试）：每项含 `id`、`name`、`detect.title`（识别标题的正则）和 `items`（必备内容及其标题正则）。' +
          '正则按 JavaScript 语法书写，以 RE2 引擎运行（耗时与文本长度成正比，不会卡住）；不支持反向引用 `\\1` 和前瞻断言 `(?=…)`。在不受信任的工作区中不使用。\n\n' +
          '*Kinds of report of your own, tried before the built-in ones; patterns run on RE2 in linear time (no backreferences, no lookahead); not used in untrusted workspaces.*',
        items: {
          type: 'object',
          required: ['id', 'name', 'detect', 'items'],
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,40}$' },
            name: { $ref: '#/definitions/message' },
            detect: { type: 'object', required: ['title'], properties: { title: { type: 'array', items: { type: 'string', maxLength: 200 } } } },
            items: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['id', 'name', 'required', 'headings', 'skeleton'],
                properties: {
                  id: { type: 'string' },
                  name: { $ref: '#/definitions/message' },
                  short: { $ref: '#/definitions/message' },
                  required: { type: 'boolean' },
                  yearOffset: { enum: [0, 1] },
                  maxLevel: { enum: [1, 2, 3, 4] },
                  headings: { type: 'array', items: { type: 'string', maxLength: 200 } },
                  notHeadings: { type: 'array', items: { type: 'string', maxLength: 200 } },
                  body: { type: 'array', items: { type: 'string', maxLength: 200 } },
                  bodyActors: { type: 'array', items: { type: 'string', maxLength: 200 } },
                  opening: { type: 'array', items: { type: 'string', maxLength: 200 } },
                  thematicRunBefore: { type: 'string' },
                  skeleton: {
                    type: 'object', required: ['heading', 'paragraph'],
                    properties: { heading: { type: 'string' }, paragraph: { type: 'string' }, table: { enum: ['proactive', 'requests', 'reviews'] } },
                  },
                },
              },
            },
          },
        },
      },
      largeDocumentThreshold: {
        type: 'integer',
        minimum: 10000,
        default: 2000000,
        description: '大文档阈值（字符数）：超过此长度的文档只做结构检查（大纲、标题序号、必备内容），跳过数据核对和逐段的文字检查（引用文件、单位名称、成对标点、列举序号、发文字号、套话）；悬停不核对数据，也不生成报告数据表。默认 2000000（约百份乡镇报告的汇编）。',
        markdownDescription: '大文档阈值（字符数）：超过此长度的文档只做结构检查（大纲、标题序号、必备内容），跳过数据核对和逐段的文字检查（引用文件、单位名称、成对标点、列举序号、发文字号、套话）；悬停不核对数据，也不生成报告数据表。默认 `2000000`（约百份乡镇报告的汇编）。\n\n' +
          '*Documents longer than this (in characters) get structure checks only: the figure checks and the checks of each paragraph\'s wording are skipped, a hover does not check figures, and the figures table is not made.*',
      },
      maxFileSize: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_FILE_SIZE_CEILING_MB,
        default: DEFAULT_MAX_FILE_SIZE_MB,
        description: `读取文件的大小上限（MB）：更大的文件不读取，并说明原因。默认 ${DEFAULT_MAX_FILE_SIZE_MB}，最大 ${MAX_FILE_SIZE_CEILING_MB}。`,
        markdownDescription: `读取文件的大小上限（MB）：更大的文件不读取，并说明原因。默认 \`${DEFAULT_MAX_FILE_SIZE_MB}\`，最大 \`${MAX_FILE_SIZE_CEILING_MB}\`。\n\n` +
          '*Files larger than this many megabytes are not read; a message says so.*',
      },
      locale: {
        type: 'string',
        enum: ['zh', 'en'],
        enumDescriptions: ['中文提示（默认）', 'English messages'],
        description: '问题提示使用的语言：zh 中文（默认），en 英文。',
        markdownDescription: '问题提示使用的语言：`zh` 中文（默认），`en` 英文。\n\n*Language of the messages.*',
      },
      overrides: {
        type: 'array',
        description: '只对部分报告生效的报告类型和检查级别。files 为相对于本配置文件所在文件夹的文件模式；不含“/”的模式按文件名在任意层级匹配。' +
          '匹配的条目优先于顶层设置，后面的条目优先于前面的，检查级别逐条合并。',
        markdownDescription: '只对部分报告生效的报告类型和检查级别。`files` 为相对于本配置文件所在文件夹的文件模式（如 `信息公开/**`）；' +
          '不含 `/` 的模式按文件名在任意层级匹配（如 `*政务公开*.txt`），以 `!` 开头的模式排除文件。' +
          '匹配的条目优先于顶层设置，后面的条目优先于前面的，检查级别逐条合并。\n\n' +
          '例如：`[{ "files": ["信息公开/**", "*政务公开*.txt"], "profile": "gov-info-annual" }]`\n\n' +
          '*Profile and severities for some files only, by glob relative to this file’s folder (a pattern without `/` matches the file name at any depth); later entries win.*',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          defaultSnippets: [{ label: 'files / profile', body: { files: ['$1'], profile: '${2:gov-info-annual}' } }],
          properties: {
            files: {
              description: '文件模式，或文件模式的数组，相对于本配置文件所在文件夹，以“/”分隔；不含“/”的模式按文件名在任意层级匹配，以“!”开头的模式排除文件。' +
                '不支持扩展模式 +(…)、@(…) 等，每个模式不超过 1000 个字符。',
              markdownDescription: '文件模式，或文件模式的数组，相对于本配置文件所在文件夹，以 `/` 分隔：`*` 匹配文件名中的任意字符，`**` 匹配任意层文件夹，' +
                '`?` 匹配一个字符，`[…]` 匹配其中之一，`{a,b}` 匹配其一；不含 `/` 的模式按文件名在任意层级匹配，以 `!` 开头的模式排除文件。' +
                '不支持扩展模式 `+(…)`、`@(…)` 等，每个模式不超过 1000 个字符。\n\n*Glob patterns relative to this file’s folder (no extglobs; at most 1,000 characters each).*',
              anyOf: [{ type: 'string', pattern: '\\S', maxLength: MAX_GLOB_LENGTH }, { type: 'array', minItems: 1, items: { type: 'string', pattern: '\\S', maxLength: MAX_GLOB_LENGTH } }],
            },
            profile: {
              type: 'string',
              enum: PROFILE_CHOICES,
              enumDescriptions: PROFILE_CHOICES.map(profileDescriptionZh),
              description: '这些报告按哪一类报告检查，优先于顶层的 profile。',
            },
            rules: {
              type: 'object',
              description: '这些报告各项检查的级别，与顶层 rules 逐条合并。',
              ...ruleSeverities,
            },
          },
        },
      },
      ignore: {
        type: 'array',
        description: '已忽略的问题。通常由快速修复“忽略此问题（记录在 .govreport.json）”自动写入，不必手工编辑；报告正文不会被改动。',
        markdownDescription: '已忽略的问题。通常由快速修复 **忽略此问题（记录在 .govreport.json）** 自动写入，不必手工编辑；报告正文不会被改动。' +
          '每一项按检查规则、文件和问题所在的原文识别，因此在报告中增删其他内容后仍然有效。\n\n' +
          '*Silenced findings, written by the “Ignore this finding” quick fix; the report text is never changed.*',
        items: {
          type: 'object',
          required: ['rule', 'file', 'text'],
          additionalProperties: false,
          properties: {
            rule: { type: 'string', enum: ruleIds, description: '问题所属的检查规则。' },
            file: { type: 'string', description: '报告文件相对于本配置文件所在文件夹的路径，以“/”分隔。' },
            text: { type: 'string', description: '问题所在的原文（换行记为 \\n；过长的原文只记开头和结尾，中间以“…”连接）。' },
            line: { type: 'integer', minimum: 1, description: '记录时问题所在的行号（从 1 起）。仅在同一文件中有多处相同原文时，用来选出最近的一处。' },
          },
        },
      },
    },
  };
}

/** The `govreport.rules` setting: one property per rule, so that the settings editor lists them. */
export function buildRulesSetting(): object {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    order: 2,
    markdownDescription: '%config.rules%',
    properties: Object.fromEntries(RULES.map((rule) => [rule.id, {
      type: 'string',
      enum: SEVERITY_SETTINGS,
      enumDescriptions: SEVERITY_SETTINGS.map((s) => `%config.severity.${s}%`),
      description: `%config.rules.${rule.id}%`,
    }])),
    additionalProperties: false,
  };
}

export function buildProfileSetting(): object {
  return {
    type: 'string',
    enum: PROFILE_CHOICES,
    enumDescriptions: PROFILE_CHOICES.map((id) => `%config.profile.${id}%`),
    default: 'auto',
    scope: 'resource',
    order: 1,
    markdownDescription: '%config.profile%',
  };
}

/** The registry-derived nls entries, English and Chinese. */
export function buildNls(): { en: Record<string, string>; zh: Record<string, string> } {
  const en: Record<string, string> = {};
  const zh: Record<string, string> = {};
  for (const rule of RULES) {
    en[`config.rules.${rule.id}`] = `${rule.description.en}. Default: ${rule.defaultSeverity}.`;
    zh[`config.rules.${rule.id}`] = `${rule.description.zh}。默认级别：${SEVERITY_ZH[rule.defaultSeverity]}。`;
  }
  for (const profile of BUILTIN_PROFILES) {
    en[`config.profile.${profile.id}`] = `${profile.name.en} (${profile.name.zh})`;
    zh[`config.profile.${profile.id}`] = profile.name.zh;
  }
  return { en, zh };
}

/**
 * The `govreport.profiles` setting: kinds of report of the user's own, the shape of `profiles` in the project file
 * (references resolved: a setting's schema has no definitions of its own).
 */
export function buildProfilesSetting(): object {
  const schema = buildSchema() as { definitions: Record<string, unknown>; properties: { profiles: { items: unknown } } };
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value !== 'object' || value === null) return value;
    const ref = (value as { $ref?: string }).$ref;
    if (ref?.startsWith('#/definitions/')) return resolve(schema.definitions[ref.slice('#/definitions/'.length)]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  };
  return {
    type: 'array',
    default: [],
    scope: 'resource',
    markdownDescription: '%config.profiles%',
    items: resolve(schema.properties.profiles.items),
  };
}

/** The settings whose workspace values VS Code ignores in an untrusted workspace: those holding patterns. */
export const RESTRICTED_SETTINGS = ['govreport.profiles'];

/** package.json with the registry-derived settings put in place (other keys and their order kept). */
export function updatePackageJson(pkg: any): any {
  const properties = pkg.contributes.configuration.properties;
  properties['govreport.profile'] = buildProfileSetting();
  properties['govreport.rules'] = buildRulesSetting();
  properties['govreport.profiles'] = buildProfilesSetting();
  pkg.capabilities.untrustedWorkspaces.restrictedConfigurations = RESTRICTED_SETTINGS;
  return pkg;
}

/** An nls file with the registry-derived keys replaced, and those of rules or profiles no longer there removed. */
export function updateNls(nls: Record<string, string>, derived: Record<string, string>): Record<string, string> {
  const builtinProfileKeys = new Set(BUILTIN_PROFILES.map((p) => `config.profile.${p.id}`));
  const isDerivedFamily = (key: string) => key.startsWith('config.rules.') || (key.startsWith('config.profile.') && !['config.profile.auto', 'config.profile.none'].includes(key));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(nls)) {
    if (isDerivedFamily(key) && !(key in derived) && !builtinProfileKeys.has(key)) continue;
    out[key] = key in derived ? derived[key] : value;
  }
  for (const [key, value] of Object.entries(derived)) if (!(key in out)) out[key] = value;
  return out;
}

export function toJsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
