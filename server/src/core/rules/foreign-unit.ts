// foreign-unit: another unit of the reporting unit's own level named as the actor — 「安化县人民政府」 in 平乐县's
// plan, 「平口镇党委」 in another town's report: the text was copied from another unit's report and the name was
// not replaced (rules.md §9 W1, C20; 中办发〔2012〕14号 第二十条 asks the reviewer to check exactly this). Only names
// followed by an organ word (党委, 人民政府, 司法所 …) are read, and a sentence that speaks of working with or
// learning from another unit (联合, 相邻, 学习, 借鉴 …) is left alone. A name that shares a place-name stem with
// the unit (平潭县 in 平潭综合实验区's report, 长安县 in 长安区's, 岳溪乡 in 岳溪镇's) or that the report lists as part
// of the unit (「下辖容城县、雄县、安新县」) is the unit's own place, not another unit.
import type { FindingInput, Rule } from '../findings';
import type { ReportModel } from '../model/types';
import { paragraphMemo, type ParagraphMemo } from './shared/memo';
import { GONGWEN_REVIEW } from './shared/sources';
import { sentenceTester } from './shared/text';

type Level = 'township' | 'county';

/** Places in an organ name, left to right: 「重庆市开州区岳溪镇人民政府」 → 重庆市, 开州区, 岳溪镇. */
export function placesInOrganName(name: string): { name: string; level: Level | 'higher' }[] {
  const out: { name: string; level: Level | 'higher' }[] = [];
  let rest = name.replace(/^中共|^中国共产党/, '');
  for (;;) {
    const m = /^([\u4e00-\u9fff]{1,6}?)(自治区|自治州|自治县|街道|省|市|州(?![区县市])|盟|县|旗|区|镇|乡)/.exec(rest);
    if (!m || /人民|政府|党委|委员会/.test(m[1])) break;
    // 「君山片区」「工业园区」「XX社区」「XX景区」: areas inside a unit, of no level a report can be measured by.
    if (m[2] === '区' && /[片园社景]$/.test(m[1])) break;
    const suffix = m[2];
    out.push({ name: m[0], level: suffix === '镇' || suffix === '乡' || suffix === '街道' ? 'township' : suffix === '县' || suffix === '区' || suffix === '旗' || suffix === '自治县' ? 'county' : 'higher' });
    rest = rest.slice(m[0].length);
  }
  return out;
}

/**
 * Words between a zone's place name and its 区: a 实验区, 新区 or 开发区 takes the name of the place it administers
 * (平潭综合实验区 and 平潭县, 滨海新区 and the former 滨海县 …).
 */
const ZONE_WORDS = /(?:综合实验|综合试验|经济技术开发|高新技术产业开发|高新技术开发|经济开发|高新|开发|实验|试验|示范|新)$/;

/**
 * The place-name stem of a place: 「平潭综合实验区」 → 平潭, 「长安区」 and 「长安县」 → 长安, 「岳溪镇」 and 「岳溪乡」 →
 * 岳溪. An autonomous place keeps the two characters before its people's name (「瀍河回族区」 → 瀍河), which is what
 * the names the rule reads (two characters before 县, 区, 镇 …) can share with it.
 */
export function placeStem(place: string): string {
  const level = /(?:自治区|自治州|自治县|自治旗|街道|省|市|州|盟|县|旗|区|镇|乡)$/.exec(place);
  let stem = level ? place.slice(0, level.index) : place;
  if (level?.[0] === '区') stem = stem.replace(ZONE_WORDS, '');
  if (stem.slice(2).includes('族') || level?.[0].startsWith('自治')) stem = stem.slice(0, 2);
  return stem;
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
const SENTENCE_END = /[。；;]/g;
const MAX_FINDINGS = 20;

export const foreignUnit: Rule = {
  id: 'foreign-unit',
  defaultSeverity: 'warning',
  description: { zh: '文中出现其他同级单位的名称（可能是从别的单位材料中照搬）', en: 'Another unit of the same level named in the text (likely copied from another unit’s report)' },
  sources: [GONGWEN_REVIEW],
  reportsOnly: true,
  readsWording: true,
  check({ model, report }) {
    const own = ownUnit(model);
    if (!own) return;
    const memo = CANDIDATES[own.level];
    // Paragraphs are one line each, so offsets in the text map to characters on the line.
    const found: { candidate: Candidate; line: number; character: number }[] = [];
    const gather = (candidates: readonly Candidate[], line: number, character: number) => {
      for (const candidate of candidates) if (!own.stems.has(candidate.stem)) found.push({ candidate, line, character });
    };
    for (const p of model.paragraphs) gather(memo.get(p, () => candidatesIn(p.text, own.level)), p.range.start.line, p.range.start.character);
    for (const h of model.headings) gather(candidatesIn(h.title, own.level), h.titleRange.start.line, h.titleRange.start.character);
    if (found.length === 0) return;
    // Only now read the lists of the unit's own places, which most reports never need.
    const listed = new Set<string>();
    for (const p of model.paragraphs) for (const stem of PARTS.get(p, () => placesListedAsPart(p.text))) listed.add(stem);
    for (const h of model.headings) for (const stem of placesListedAsPart(h.title)) listed.add(stem);

    const findings: FindingInput[] = [];
    for (const { candidate: { name, index, stem }, line, character } of found) {
      if (listed.has(stem)) continue;
      const start = { line, character: character + index };
      const range = { start, end: { line, character: start.character + name.length } };
      findings.push({
        range,
        message: {
          zh: `报告单位是${own.display}，这里却写的是“${name}”：是否照搬了其他单位的材料？请核对`,
          en: `The reporting unit is ${own.display}, but this names “${name}”: copied from another unit’s text? Please check`,
        },
        fixes: [{ title: { zh: `改为“${own.display}”`, en: `Replace with “${own.display}”` }, edits: [{ range, newText: own.display }], preferred: false }],
      });
    }
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const f of findings.slice(0, MAX_FINDINGS)) report(f);
  },
};

interface Candidate {
  name: string;
  index: number;
  /** The two characters before 县, 区, 镇 …: what the name shares with the unit's own places, if anything. */
  stem: string;
}

/** Per paragraph object and level: what the text alone says, kept while an edit elsewhere leaves it be. */
const CANDIDATES: Record<Level, ParagraphMemo<readonly Candidate[]>> = { township: paragraphMemo(), county: paragraphMemo() };

/** The result of most paragraphs, shared: the memo keeps one per paragraph. */
const NO_CANDIDATES: readonly Candidate[] = Object.freeze([]);

/** Names of units of `level` standing as actors in `text`, other than on purpose (joint work, visits …). */
function candidatesIn(text: string, level: Level): readonly Candidate[] {
  const out: Candidate[] = [];
  const re = ORGAN_AFTER[level];
  const onPurpose = sentenceTester(text, SENTENCE_END, ON_PURPOSE);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const stem = m[1] ?? m[3];
    if (!looksLikeName(text, m.index, stem)) continue;
    if (onPurpose(m.index)) continue;
    out.push({ name: m[0], index: m.index, stem });
  }
  return out.length ? out : NO_CANDIDATES;
}

/**
 * The reporting unit from the unit name, the title's organs and the 落款: its level, the stems of its own places
 * (the unit's and the county it lies in: 「开州区岳溪镇」 → 开州, 岳溪), and the name to offer as a fix.
 */
function ownUnit(model: ReportModel): { level: Level; stems: Set<string>; display: string } | undefined {
  const organNames = [model.unit?.name, ...(model.title?.organs ?? []).map((o) => o.text), ...(model.signature?.organs ?? []).map((o) => o.text)];
  let level: Level | undefined;
  const names: string[] = [];
  const stems = new Set<string>();
  for (const organ of organNames) {
    if (!organ) continue;
    // Departments (司法局, 办公室 …) report on their field, not on a territory: the rule is for governments.
    if (/局|厅|委员会|办公室|中心|所$/.test(organ) && !/(?:镇|乡|街道|县|区)(?:党委|人民政府|政府)/.test(organ)) continue;
    const places = placesInOrganName(organ);
    const last = places[places.length - 1];
    if (!last || last.level === 'higher') continue;
    level ??= last.level;
    if (last.level === level) names.push(last.name);
    for (const place of places) {
      if (place.level === 'higher') continue;
      const stem = placeStem(place.name);
      // The rule reads two characters before 镇 or 街道: of 「花果园街道」 that is 果园.
      stems.add(stem).add(stem.slice(-2));
    }
  }
  if (!level || names.length === 0) return undefined;
  stems.delete('');
  return { level, stems, display: names.reduce((a, b) => (b.length > a.length ? b : a)) };
}

/** Per paragraph object: the stems of the places it lists as part of the unit. */
const PARTS = paragraphMemo<readonly string[]>();
const NO_PARTS: readonly string[] = Object.freeze([]);

/**
 * Where a report lists what the unit is made of: 「下辖容城县、雄县、安新县」, 「辖区内中原镇、平原镇」,
 * 「全区7个乡镇（街道）：潭城镇、苏澳镇…」. A count and its kind of place may stand before the list. (A count
 * starts after a character that is no numeral, so a long run of digits is not read again from each digit.)
 */
const PART_OF = /下辖|所辖|管辖|辖区内?|辖有|托管|代管|包括|涵盖|(?<![\d一二三四五六七八九十])[\d一二三四五六七八九十]+个(?:乡镇|镇|乡|街道|县区|县|区)(?:[（(](?:街道|区|乡镇)[）)])?/g;
const COUNT_AND_KIND = /(?:(?<![\d一二三四五六七八九十])[\d一二三四五六七八九十]+个(?:乡镇|镇|乡|街道|县区|县|区)(?:[（(](?:街道|区|乡镇)[）)])?)?[：:（(]?/y;
/** One place of the list (雄县 too), ending where the list goes on or stops: a name cut out of longer words is none. */
const LISTED_PLACE = /[\u4e00-\u9fff]{1,5}?(?:街道|镇|乡|县|区)(?=[、，,和及与）)。；;：:等\s]|$)/y;
const LIST_SEPARATOR = /[、，,和及与]/y;

/** Stems of the places `text` lists as part of the unit. Each character is read once after a list's start. */
function placesListedAsPart(text: string): readonly string[] {
  const out: string[] = [];
  PART_OF.lastIndex = 0;
  for (let m = PART_OF.exec(text); m; m = PART_OF.exec(text)) {
    COUNT_AND_KIND.lastIndex = m.index + m[0].length;
    COUNT_AND_KIND.exec(text); // always matches, if only the empty string
    let at = COUNT_AND_KIND.lastIndex;
    for (;;) {
      LISTED_PLACE.lastIndex = at;
      const place = LISTED_PLACE.exec(text);
      if (!place) break;
      out.push(placeStem(place[0]));
      // 「原梅林乡」: a place merged into the unit, under its old name.
      if (place[0].startsWith('原')) out.push(placeStem(place[0].slice(1)));
      at = LISTED_PLACE.lastIndex;
      LIST_SEPARATOR.lastIndex = at;
      if (!LIST_SEPARATOR.exec(text)) break;
      at = LIST_SEPARATOR.lastIndex;
    }
    PART_OF.lastIndex = Math.max(PART_OF.lastIndex, at);
  }
  return out.length ? out : NO_PARTS;
}

