// The snippets, built from the profiles (the mandated items and their official wording live there, once) plus
// the standard paragraphs writers reuse. `npm run generate:snippets` writes snippets/govreport.json; a unit
// test fails when the file is out of step with this builder.
//
// Years: a report on year Y is written early in Y+1, so the report year defaults to the current year minus
// one, and every later mention of Y+1 (the plan, the 成文日期) follows the report year as the writer edits it.
// VS Code snippets cannot add, so both are regular-expression transforms on the digits (years 2000–2098).
import { templateTableLines } from '../server/src/core/model/gov-info-template';
import { BUILTIN_PROFILES, type Profile, type ProfileItem } from '../server/src/core/profiles/index';

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Y − 1 of a four-digit year, as a snippet transform: 2026 → 2025, 2030 → 2029. */
const PREVIOUS_YEAR = '/^(\\d\\d)(?:(\\d)(?:(1)|(2)|(3)|(4)|(5)|(6)|(7)|(8)|(9))|(?:(1)|(2)|(3)|(4)|(5)|(6)|(7)|(8)|(9))0)$/' +
  '$1$2${3:+0}${4:+1}${5:+2}${6:+3}${7:+4}${8:+5}${9:+6}${10:+7}${11:+8}' +
  '${12:+09}${13:+19}${14:+29}${15:+39}${16:+49}${17:+59}${18:+69}${19:+79}${20:+89}/';
/** Y + 1 of a four-digit year: 2025 → 2026, 2029 → 2030. */
const NEXT_YEAR = '/^(\\d\\d)(?:(\\d)(?:(0)|(1)|(2)|(3)|(4)|(5)|(6)|(7)|(8))|(?:(0)|(1)|(2)|(3)|(4)|(5)|(6)|(7)|(8))9)$/' +
  '$1$2${3:+1}${4:+2}${5:+3}${6:+4}${7:+5}${8:+6}${9:+7}${10:+8}${11:+9}' +
  '${12:+10}${13:+20}${14:+30}${15:+40}${16:+50}${17:+60}${18:+70}${19:+80}${20:+90}/';

/** The report year as tab stop `n`, last year by default. */
const reportYear = (n: number) => `\${${n}:\${CURRENT_YEAR${PREVIOUS_YEAR}}}`;
/** The year after the report year held by tab stop `n`. */
const nextYear = (n: number) => `\${${n}${NEXT_YEAR}}`;
/** Today as a 成文日期 would write it: no leading zeros (GB/T 9704 §7.3.5). */
const TODAY_MONTH_DAY = '${CURRENT_MONTH/^0?(\\d+)$/$1/}月${CURRENT_DATE/^0?(\\d+)$/$1/}日';

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A profile's wording with the year placeholders replaced: {Y} by tab stop `n`, {Y+1} by its successor. */
function withYears(text: string, yearStop: number): string {
  return text.replace(/\{Y\+1\}/g, nextYear(yearStop)).replace(/\{Y\}/g, `$${yearStop}`);
}

/** Literal text in a snippet: `$` and `\` would start syntax (`}` is literal outside a placeholder). */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$]/g, (c) => `\\${c}`);
}

interface ProfileSnippetText {
  /** Title with {ORG} and {Y}. */
  title: string;
  addressee: string;
  opening: string;
  prefixes: string[];
}

// A section that is a table (the profile's skeleton names it) gets the template's table, written as a web page
// or Word pastes it (core/model/gov-info-template.ts). Its values are not tab stops: the three tables hold 200
// numbers, and tabbing through them all to reach 「五、」 would make the skeleton unusable; the writer overwrites
// the 0s. No line starts with a TAB: VS Code adjusts only a line's leading whitespace when it inserts a snippet
// (to the editor's indentation), so the TABs between cells stay TABs whatever editor.insertSpaces says; in
// snippets/govreport.json they are written \t.

/** What the profiles do not hold: how a report of that kind opens and is titled. */
const DOCUMENT_TEXT: Record<string, ProfileSnippetText> = {
  'fazhi-annual': {
    title: '{ORG}关于{Y}年度法治政府建设情况的报告',
    addressee: '县委、县政府：',
    opening: '{Y}年，{ORG}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，扎实推进法治政府建设。现将{Y}年度法治政府建设情况报告如下：',
    prefixes: ['fzbg', 'fzzfjs', '法治政府建设年度报告', '法治报告'],
  },
  'gov-info-annual': {
    title: '{ORG}{Y}年政府信息公开工作年度报告',
    addressee: '',
    opening: '本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。本报告中所列数据的统计期限自{Y}年1月1日起至{Y}年12月31日止。',
    prefixes: ['zfxxgk', 'xxgkbg', '政府信息公开工作年度报告', '信息公开报告'],
  },
};

/** A whole report: title, addressee, opening, every item of the profile with its official wording, closing, 落款. */
function skeleton(profile: Profile): Snippet {
  const doc = DOCUMENT_TEXT[profile.id];
  // Tab stop 1 is the report year, 2 the organ (defined once, in the title, mirrored everywhere else), 3 the
  // addressee, then each section's text.
  const fill = (text: string) => withYears(escapeSnippet(text).replace(/\{ORG\}/g, '$2'), 1);
  const title = fill(doc.title.replace('{ORG}', '\u0000ORG').replace('{Y}', '\u0000Y'))
    .replace('\u0000ORG', '${2:某某县人民政府}').replace('\u0000Y', reportYear(1));
  const body: string[] = [title, ''];
  if (doc.addressee) body.push(`\${3:${escapeSnippet(doc.addressee)}}`, '');
  body.push(fill(doc.opening), '');
  // Each section's text is a tab stop (4, 5, …): the writer tabs from the year and the organ through them. A
  // section that is a table has its table instead, and no tab stop.
  let stop = 4;
  profile.items.forEach((item, k) => {
    body.push(`${CHINESE_ORDINALS[k]}、${fill(item.skeleton.heading)}`);
    const table = item.skeleton.table;
    body.push(...(table ? templateTableLines(table).map(escapeSnippet) : [`\${${stop++}:${fill(item.skeleton.paragraph)}}`]), '');
  });
  if (profile.id === 'fazhi-annual') body.push('特此报告。', '');
  // The 成文日期 is the last tab stop: the year after the report year and today, until the writer sets it.
  body.push('$2', `\${${stop}:${nextYear(1)}年${TODAY_MONTH_DAY}}`, '$0');
  const tables = profile.items.filter((item) => item.skeleton.table).length;
  return {
    prefix: doc.prefixes,
    body,
    description: `${profile.name.zh}全文框架：标题、导语、${profile.items.length}个部分（官方表述${tables > 0 ? `，其中${tables}个为统计表，数值预填0` : ''}）、结尾和落款；按 Tab 依次填写年度和单位`,
  };
}

/** Pinyin initials and Chinese words a writer would type for each item. */
const ITEM_PREFIXES: Record<string, string[]> = {
  measures: ['jccx', 'jucuo', '举措和成效', '主要举措'],
  shortcomings: ['bzyy', 'buzu', '不足和原因', '存在的不足'],
  'first-responsible': ['dyzrr', 'zrr', '第一责任人', '主要负责人履职'],
  plan: ['xndap', 'anpai', '下一年度安排', '工作安排'],
  other: ['qtqk', 'qita', '其他需要报告的情况'],
};

/** One mandated item on its own: a level-1 heading (number to choose) and room for its text. */
function section(item: ProfileItem): Snippet {
  const year = item.yearOffset === 1 ? '${2:${CURRENT_YEAR}}' : reportYear(2);
  const heading = escapeSnippet(item.skeleton.heading).replace(/\{Y\+1\}|\{Y\}/g, year);
  return {
    prefix: ITEM_PREFIXES[item.id] ?? [item.id],
    body: [`\${1|${CHINESE_ORDINALS.slice(0, 6).join(',')}|}、${heading}`, '$0'],
    description: `一级标题：${item.name.zh}（按督察工作规定的表述）`,
  };
}

/** The paragraphs writers reuse, with tab stops where the specifics go. */
const PARAGRAPHS: Record<string, Snippet> = {
  '导语（法治政府建设报告开头）': {
    prefix: ['daoyu', 'kaitou', '导语', '报告开头'],
    body: [
      `${reportYear(1)}年，\${2:我县}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，\${3:扎实推进法治政府建设各项工作}。现将$1年度法治政府建设情况报告如下：`,
      '$0',
    ],
    description: '报告开头的导语，以“现将……情况报告如下：”结束',
  },
  '第一责任人履职段落': {
    prefix: ['dyzrrdl', 'lvzhi', '第一责任人段落', '履行第一责任人职责'],
    body: [
      `\${1:县委、县政府}主要负责同志认真履行推进法治建设第一责任人职责，\${2:带头学法用法，亲自部署、亲自推动法治政府建设重要工作}。全年主持召开\${3:政府常务会议}专题研究法治政府建设工作\${4:4}次，\${5:带头开展年终述法，将法治政府建设纳入本单位发展总体规划和年度工作计划}。$0`,
    ],
    description: '党政主要负责人履行推进法治建设第一责任人职责的段落',
  },
  '不足和原因段落': {
    prefix: ['bzdl', 'wenti', '不足段落', '问题和原因'],
    body: [
      '一是${1:依法决策水平有待提高}，${2:个别重大行政决策的公众参与、专家论证不够充分}。主要原因是${3:对重大行政决策程序的学习和落实不够到位}。',
      '二是${4:行政执法规范化水平有待提升}，${5:基层执法人员专业能力不足}。主要原因是${6:执法人员培训不够系统、常态化}。$0',
    ],
    description: '存在的不足及其原因：“一是……主要原因是……”，每项问题都写明原因',
  },
  '下一年度安排段落': {
    prefix: ['apdl', 'xiayibu', '安排段落', '下一步工作'],
    body: [
      `\${1:\${CURRENT_YEAR}}年，\${2:我县}将继续深入学习贯彻习近平法治思想，\${3:重点抓好以下工作}：一是\${4:深化“放管服”改革，持续优化法治化营商环境}；二是\${5:严格落实重大行政决策程序}；三是\${6:全面推行行政执法三项制度}。$0`,
    ],
    description: '下一年度推进法治政府建设的主要安排（写明年度和具体措施）',
  },
  '结尾和落款': {
    prefix: ['luokuan', 'lk', '落款', '特此报告'],
    body: ['特此报告。', '', '${1:某某县人民政府}', `\${CURRENT_YEAR}年${TODAY_MONTH_DAY}`, '$0'],
    description: '结尾“特此报告。”、发文机关署名和成文日期（日期不加前导零）',
  },
  '纲要（2021—2025年）任务标题': {
    prefix: ['gangyao', 'gy', '纲要任务', '法治政府建设实施纲要'],
    body: [
      '（一）${1:健全政府机构职能体系，推动更好发挥政府作用}',
      '（二）健全依法行政制度体系，加快推进政府治理规范化程序化法治化',
      '（三）健全行政决策制度体系，不断提升行政决策公信力和执行力',
      '（四）健全行政执法工作体系，全面推进严格规范公正文明执法',
      '（五）健全突发事件应对体系，依法预防处置重大突发事件',
      '（六）健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义',
      '（七）健全行政权力制约和监督体系，促进行政权力规范透明运行',
      '（八）健全法治政府建设科技保障体系，全面建设数字法治政府',
      '（九）加强党的领导，完善法治政府建设推进机制',
      '$0',
    ],
    description: '《法治政府建设实施纲要（2021—2025年）》九个方面任务，作二级标题',
  },
};

export function buildSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const profile of BUILTIN_PROFILES) {
    if (DOCUMENT_TEXT[profile.id]) out[`${profile.name.zh}（全文框架）`] = skeleton(profile);
  }
  const fazhi = BUILTIN_PROFILES.find((p) => p.id === 'fazhi-annual')!;
  for (const item of fazhi.items) out[`一级标题：${item.name.zh}`] = section(item);
  Object.assign(out, PARAGRAPHS);
  return out;
}

export function snippetsJson(): string {
  return JSON.stringify(buildSnippets(), null, 2) + '\n';
}
