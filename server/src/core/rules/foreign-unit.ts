// foreign-unit: another unit of the reporting unit's own level named as the actor — 「安化县人民政府」 in 平乐县's
// plan, 「平口镇党委」 in another town's report: the text was copied from another unit's report and the name was
// not replaced (rules.md §9 W1, C20; 中办发〔2012〕14号 第二十条 asks the reviewer to check exactly this). Only names
// followed by an organ word (党委, 人民政府, 司法所 …) are read, and a sentence that speaks of working with or
// learning from another unit (联合, 相邻, 学习, 借鉴 …) is left alone.
import type { FindingInput, Rule } from '../findings';
import type { ReportModel } from '../model/types';
import { paragraphMemo, type ParagraphMemo } from './shared/memo';
import { GONGWEN_REVIEW } from './shared/sources';

type Level = 'township' | 'county';

/** Places in an organ name, left to right: 「重庆市开州区岳溪镇人民政府」 → 重庆市, 开州区, 岳溪镇. */
export function placesInOrganName(name: string): { name: string; level: Level | 'higher' }[] {
  const out: { name: string; level: Level | 'higher' }[] = [];
  let rest = name.replace(/^中共|^中国共产党/, '');
  for (;;) {
    const m = /^([\u4e00-\u9fff]{1,6}?)(自治区|自治州|自治县|街道|省|市|州(?![区县市])|盟|县|旗|区|镇|乡)/.exec(rest);
    if (!m || /人民|政府|党委|委员会/.test(m[1])) break;
    const suffix = m[2];
    out.push({ name: m[0], level: suffix === '镇' || suffix === '乡' || suffix === '街道' ? 'township' : suffix === '县' || suffix === '区' || suffix === '旗' || suffix === '自治县' ? 'county' : 'higher' });
    rest = rest.slice(m[0].length);
  }
  return out;
}

const ORGAN_AFTER: Record<Level, RegExp> = {
  township: /([\u4e00-\u9fff]{2})(镇|乡)(?=党委|人民政府|政府|党政|司法所|综合行政执法|综治中心|人大|纪委|依法治|法治政府建设|领导小组|便民服务中心|派出所)|([\u4e00-\u9fff]{2})(街道)(?=党工委|办事处)/g,
  county: /([\u4e00-\u9fff]{2})(县|区)(?=委|人民政府|政府|人大常委会|政协|司法局|依法治|法治政府建设)/g,
};
/**
 * 「坚持镇党委书记……」「充分发挥区政府……」: 镇 and 区 often abbreviate the unit itself after a verb, so the two
 * characters before them are a name only if they stand after a boundary (punctuation, the start, a higher place
 * such as 平乐县, a preposition) and contain none of the characters that end verbs and function words or make
 * common compounds (乡镇, 全县, 开发区 …). This trades a few missed names for no false alarm.
 */
const NOT_IN_NAME = /[了着过的地得之于以及与和或者是在将把被从到向对为由经据按同跟给让其中所等全各本我该每两个此他这那乡镇城村集县区市省级社辖园景片校开高保示试功风旅管郊上下外内持挥领合增强加进动展实导推深抓带做作用发布委府政局部厅会议员门体年月日次项件名人新有无要应当须需]/;
const BOUNDARY_BEFORE = /[\s，。；：、“”‘’（）()《》,.;:!?！？省市县区州旗由在对向与和及经将为把从到据按同跟给让被]/;

/**
 * Two-character verbs that stand before 镇/乡/县/区 when these abbreviate the unit itself at the start of a clause:
 * 「成立镇法治政府建设工作领导小组」, 「召开区委全面依法治区委员会会议」. No place name is spelled this way.
 */
const VERB_BEFORE_OWN_UNIT = new Set([
  '成立', '召开', '组织', '建立', '健全', '完善', '制定', '制订', '印发', '出台', '修订', '调整', '落实', '压实',
  '明确', '设立', '组建', '依托', '通过', '结合', '围绕', '督促', '指导', '协调', '参加', '列席', '走访', '听取',
  '审议', '研究', '部署', '举办', '召集', '邀请', '聘请', '配备', '配齐', '充实', '牵头', '报送', '提请', '纳入',
  '支持', '保障', '服务', '配合', '完成', '开展', '印制', '编制', '起草', '梳理', '清理', '公布', '公开', '提交',
]);

function looksLikeName(text: string, at: number, stem: string): boolean {
  if (NOT_IN_NAME.test(stem) || VERB_BEFORE_OWN_UNIT.has(stem)) return false;
  return at === 0 || BOUNDARY_BEFORE.test(text[at - 1]);
}
/** Sentences that name another unit on purpose: joint work, neighbours, study visits, comparisons. */
const ON_PURPOSE = /联合|协同|共同|相邻|毗邻|周边|交界|接壤|邻近|学习|考察|观摩|参观|交流|借鉴|兄弟|先进|对口|帮扶|结对|协作|联动|配合|移交|移送|转交|会同|联席/;
const MAX_FINDINGS = 20;

export const foreignUnit: Rule = {
  id: 'foreign-unit',
  defaultSeverity: 'warning',
  description: { zh: '文中出现其他同级单位的名称（可能是从别的单位材料中照搬）', en: 'Another unit of the same level named in the text (likely copied from another unit’s report)' },
  sources: [GONGWEN_REVIEW],
  reportsOnly: true,
  check({ model, report }) {
    const own = ownPlaces(model);
    if (!own) return;
    const findings: FindingInput[] = [];
    const memo = CANDIDATES[own.level];
    // Paragraphs are one line each, so offsets in the text map to characters on the line.
    for (const p of model.paragraphs) add(memo.get(p, () => candidatesIn(p.text, own.level)), p.range.start.line, p.range.start.character);
    for (const h of model.headings) add(candidatesIn(h.title, own.level), h.titleRange.start.line, h.titleRange.start.character);
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const f of findings.slice(0, MAX_FINDINGS)) report(f);

    function add(candidates: readonly Candidate[], line: number, character: number): void {
      for (const { name, index } of candidates) {
        if (own!.names.some((n) => n.endsWith(name) || name.endsWith(n))) continue;
        const start = { line, character: character + index };
        const range = { start, end: { line, character: start.character + name.length } };
        findings.push({
          range,
          message: {
            zh: `报告单位是${own!.display}，这里却写的是“${name}”：是否照搬了其他单位的材料？请核对`,
            en: `The reporting unit is ${own!.display}, but this names “${name}”: copied from another unit’s text? Please check`,
          },
          fixes: [{ title: { zh: `改为“${own!.display}”`, en: `Replace with “${own!.display}”` }, edits: [{ range, newText: own!.display }], preferred: false }],
        });
      }
    }
  },
};

interface Candidate {
  name: string;
  index: number;
}

/** Per paragraph object and level: what the text alone says, kept while an edit elsewhere leaves it be. */
const CANDIDATES: Record<Level, ParagraphMemo<readonly Candidate[]>> = { township: paragraphMemo(), county: paragraphMemo() };

/** The result of most paragraphs, shared: the memo keeps one per paragraph. */
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

/** Names of units of `level` standing as actors in `text`, other than on purpose (joint work, visits …). */
function candidatesIn(text: string, level: Level): readonly Candidate[] {
  const out: Candidate[] = [];
  const re = ORGAN_AFTER[level];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!looksLikeName(text, m.index, m[1] ?? m[3])) continue;
    if (ON_PURPOSE.test(sentenceAround(text, m.index))) continue;
    out.push({ name: m[0], index: m.index });
  }
  return out.length ? out : NO_CANDIDATES;
}

/** The reporting unit's own places at its level, from the unit name, the title's organs and the 落款. */
function ownPlaces(model: ReportModel): { level: Level; names: string[]; display: string } | undefined {
  const organNames = [model.unit?.name, ...(model.title?.organs ?? []).map((o) => o.text), ...(model.signature?.organs ?? []).map((o) => o.text)];
  let level: Level | undefined;
  const names: string[] = [];
  for (const organ of organNames) {
    if (!organ) continue;
    // Departments (司法局, 办公室 …) report on their field, not on a territory: the rule is for governments.
    if (/局|厅|委员会|办公室|中心|所$/.test(organ) && !/(?:镇|乡|街道|县|区)(?:党委|人民政府|政府)/.test(organ)) continue;
    const places = placesInOrganName(organ);
    const last = places[places.length - 1];
    if (!last || last.level === 'higher') continue;
    level ??= last.level;
    if (last.level === level) names.push(last.name);
  }
  if (!level || names.length === 0) return undefined;
  return { level, names, display: names.reduce((a, b) => (b.length > a.length ? b : a)) };
}

function sentenceAround(text: string, at: number): string {
  const before = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf(';', at));
  const after = text.slice(at).search(/[。；;]/);
  return text.slice(before + 1, after < 0 ? text.length : at + after);
}

