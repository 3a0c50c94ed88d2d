// The command line as given: the command, its options and paths, checked; the usage text; the exit codes.
import * as path from 'path';
import { DEFAULT_MAX_FILE_SIZE_MB, MAX_FILE_SIZE_CEILING_MB } from '../core/config';
import { BUILTIN_PROFILES, type Locale } from '../core/index';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface Options {
  command: 'check' | 'outline' | 'figures' | 'matrix' | 'compare';
  format: 'text' | 'json' | 'csv' | 'sarif';
  locale: Locale;
  /** Whether --locale was given: it then wins over a project file's locale. */
  localeGiven: boolean;
  diagnostics: boolean;
  fix: boolean;
  /** --profile: wins over the project file's profile. */
  profile: string | undefined;
  /** --config: this project file for every report, instead of the nearest one. */
  configPath: string | undefined;
  /** --jobs: worker threads; 1 checks in this thread; undefined lets the batch size decide. */
  jobs: number | undefined;
  /** --max-file-size: megabytes; wins over the project file's maxFileSize. */
  maxFileSize: number | undefined;
  paths: string[];
}

export const USAGE = {
  zh: `用法：
  govreport check   [选项] 路径...                  检查报告，列出问题
  govreport outline [--diagnostics] [选项] 路径...  打印标题、年度和大纲
  govreport figures [--format text|csv|json] 路径... 列出报告中的全部数据：正文和表格中的数值、单位、统计对象
  govreport matrix  [--format text|csv|json] 路径... 汇总表：每份报告一行，每项必备内容一列（有/缺），及年度、错误和警告数
  govreport compare [--format text|json] 上年报告 本年报告
                                                与上一年度报告比较：原样照搬的段落、未变化的数字、上年安排本年未提及的事项
选项：
  --fix                       自动修正可修正的问题（标题序号重排、括号改全角等），直接改写 .txt .md .govreport
                              文件，保留原编码和换行符；随后列出余下的问题（.docx、PDF 和网页只检查，不改写）
  --format text|json|sarif    输出格式（check；sarif 为 SARIF 2.1.0）；figures、matrix 可用 text|csv|json；compare 可用 text|json
  --locale zh|en              提示语言，默认中文
  --profile auto|none|类型    按哪类报告检查：auto 按标题自动识别（默认），none 不区分类型，
                              或 ${BUILTIN_PROFILES.map((p) => p.id).join('、')}
  --config 文件               使用此配置文件，而不是报告所在文件夹及其上级中最近的 .govreport.json
  --jobs N                    用 N 个工作线程并行检查（默认：文件较多时按处理器核数，1 表示不用工作线程）
  --max-file-size N           不读取大于 N MB 的文件（默认 ${DEFAULT_MAX_FILE_SIZE_MB}，或配置文件中的 maxFileSize）
路径可以是文件、文件夹（递归查找 .txt .md .govreport .docx .pdf .html .htm .shtml）或加引号的通配模式（如
"报告/**/*.pdf"）。文本文件可为 UTF-8（带或不带 BOM）、带 BOM 的 UTF-16 或 GB18030/GBK，自动识别；.docx 读取
Word 显示的文字；PDF 读取文字层（问题旁注明第几页）；保存的网页（.html 等）按网页声明的编码读取正文（不含网站
导航、页脚）；表格每行一行、单元格以 TAB 分隔。不能读取：扫描件（没有文字层的 PDF）和图片、.doc、.wps、.ofd、
由框架或脚本生成内容的网页。文件夹中的链接只跟随一次，
命名管道、设备等特殊文件跳过并说明；GBK 编码的文件名同样读取，按 GBK 显示。
配置文件 .govreport.json 中的检查级别、报告类型和已忽略的问题同样适用于命令行。
退出码：0 无错误；1 有错误级别的问题（check）；2 用法或读写错误（有文件无法读取或无法写入修正时也是 2，其余文件照常检查）。`,
  en: `Usage:
  govreport check   [options] PATH...                  check reports and list findings
  govreport outline [--diagnostics] [options] PATH...  print title, year and outline
  govreport figures [--format text|csv|json] PATH...   list every figure of the sentences and tables (value, unit,
                                                       what it counts, a table cell's row and column)
  govreport matrix  [--format text|csv|json] PATH...   one row per report, one column per mandated item
                                                       (present/missing), with year, errors and warnings
  govreport compare [--format text|json] PREVIOUS CURRENT
                                                       compare with last year's report: paragraphs copied,
                                                       figures unchanged, last year's plans not mentioned
Options:
  --fix                       fix what can be fixed (renumbering, full-width brackets, ...) in place in
                              .txt .md .govreport files, keeping their encoding and line ends; then list the rest
                              (.docx files, PDFs and web pages are checked, never written)
  --format text|json|sarif    output format of check (sarif: SARIF 2.1.0); figures and matrix: text|csv|json;
                              compare: text|json
  --locale zh|en              language of the messages (default Chinese)
  --profile auto|none|ID      kind of report: auto recognises it from the title (default), none checks no
                              kind, or ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}
  --config FILE               use this configuration file instead of the nearest .govreport.json above a report
  --jobs N                    check in N worker threads (default: one per core for large batches; 1: none)
  --max-file-size N           do not read files larger than N MB (default ${DEFAULT_MAX_FILE_SIZE_MB}, or maxFileSize in the
                              configuration file)
PATH may be a file, a folder (searched recursively for .txt .md .govreport .docx .pdf .html .htm .shtml) or a
quoted glob pattern ("reports/**/*.pdf"). Text files may be UTF-8 (with or without BOM), UTF-16 with BOM or
GB18030/GBK; a .docx is read as Word shows it; a PDF's text layer (findings then name their page); a saved web
page in the encoding it declares, its article only (not the site's navigation and footer); tables one row per
line with TAB between cells. Not read: scans (PDFs without a text layer) and images, .doc, .wps, .ofd, pages
whose text is in frames or written by scripts. Links in
folders are followed once; FIFOs, devices and other special files are skipped with a note; GBK file names are
read too, and shown as GBK.
Severities, profile and ignored findings in .govreport.json apply on the command line too.
Exit codes: 0 no error; 1 error-severity findings (check); 2 usage or I/O errors (also when some file could not
be read or its fixes not written: the other files are checked all the same).`,
};

export function parseArgs(argv: string[]): Options | { error: string } | 'help' {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || command === undefined) return 'help';
  if (command !== 'check' && command !== 'outline' && command !== 'figures' && command !== 'matrix' && command !== 'compare') return { error: `未知命令 / unknown command: ${command}` };
  const options: Options = {
    command, format: 'text', locale: defaultLocale(), localeGiven: false, diagnostics: false, fix: false,
    profile: undefined, configPath: undefined, jobs: undefined, maxFileSize: undefined, paths: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (v === undefined) throw new Error(`${arg} 缺少取值 / needs a value`);
      return v;
    };
    try {
      if (arg === '--format' || arg.startsWith('--format=')) {
        const v = value();
        const allowed = command === 'figures' || command === 'matrix' ? ['text', 'csv', 'json'] : command === 'check' ? ['text', 'json', 'sarif'] : command === 'compare' ? ['text', 'json'] : ['text'];
        if (!allowed.includes(v)) return { error: `--format 只能是 ${allowed.join('、')} / must be ${allowed.join(' or ')}: ${v}` };
        options.format = v as Options['format'];
      } else if (arg === '--locale' || arg.startsWith('--locale=')) {
        options.locale = value().toLowerCase().startsWith('en') ? 'en' : 'zh';
        options.localeGiven = true;
      } else if (arg === '--diagnostics') {
        options.diagnostics = true;
      } else if (arg === '--fix') {
        if (command !== 'check') return { error: '--fix 只用于 check / --fix is for check only' };
        options.fix = true;
      } else if (arg === '--profile' || arg.startsWith('--profile=')) {
        const v = value();
        const known = ['auto', 'none', ...BUILTIN_PROFILES.map((p) => p.id)];
        if (!known.includes(v)) return { error: `--profile 只能是 ${known.join('、')} / must be one of ${known.join(', ')}: ${v}` };
        options.profile = v;
      } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) return { error: `--jobs 应为 1 到 64 的整数 / must be an integer from 1 to 64: ${v}` };
        options.jobs = n;
      } else if (arg === '--max-file-size' || arg.startsWith('--max-file-size=')) {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > MAX_FILE_SIZE_CEILING_MB) return { error: `--max-file-size 应为 1 到 ${MAX_FILE_SIZE_CEILING_MB} 的整数（MB） / must be an integer from 1 to ${MAX_FILE_SIZE_CEILING_MB} (MB): ${v}` };
        options.maxFileSize = n;
      } else if (arg === '--config' || arg.startsWith('--config=')) {
        options.configPath = path.resolve(value());
      } else if (arg === '--help' || arg === '-h') {
        return 'help';
      } else if (arg.startsWith('--')) {
        return { error: `未知选项 / unknown option: ${arg}` };
      } else {
        options.paths.push(arg);
      }
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (options.paths.length === 0) return { error: '请给出要检查的文件或文件夹 / no PATH given' };
  if (command === 'compare' && options.paths.length !== 2) return { error: 'compare 需要两个文件：上年报告、本年报告 / compare takes two files: PREVIOUS CURRENT' };
  return options;
}

export function defaultLocale(): Locale {
  const env = process.env.GOVREPORT_LOCALE ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  return env.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
