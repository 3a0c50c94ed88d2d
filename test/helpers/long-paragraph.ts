// Reports whose one paragraph is huge: a text pasted without line breaks, a PDF extraction on one line. Made of
// report-like clauses that give each rule its work (其中 and 合计 breakdowns, rates, 一是/二是, quotes and brackets, 文号,
// 《》 titles, place names …), so that a rule whose cost grows faster than the paragraph shows it. Deterministic:
// the text of a size is a prefix of the text of any larger size, clause for clause.

/** A small deterministic generator (LCG): the same seed gives the same text on every machine. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const between = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo));
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const END = ['，', '，', '，', '。', '；'];

/** Clause makers, by the work they give. Most end in a comma: long sentences are what stresses a rule. */
export const CLAUSES: Record<string, (r: Random) => string> = {
  // figure-sum: 其中 after a total, nested, and breakdowns that do not add up
  qizhong: (r) => {
    const a = between(r, 3, 90);
    const b = between(r, 1, 50);
    const total = a + b + (r() < 0.2 ? 1 : 0);
    return `受理${pick(r, ['行政复议', '信访', '调解'])}案件共${total}件，其中${pick(r, ['维持', '立案', '办结'])}${a}件、${pick(r, ['纠正', '其他', '未立案'])}${b}件${pick(r, ['，', '。', `，其中当场办结${between(r, 1, 3)}件，`])}`;
  },
  nested: (r) => {
    const a = between(r, 3, 90);
    return `共${a * 3}件，其中A类${a}件（其中立案${a}件、未立案0件），B类${a}件，其中其他${a}件${pick(r, END)}`;
  },
  sums: (r) => {
    const a = between(r, 1, 50);
    const b = between(r, 1, 50);
    return `${pick(r, ['婚姻纠纷', '邻里纠纷'])}${a}件、${pick(r, ['合同纠纷', '其他纠纷'])}${b}件，${pick(r, ['合计', '总计'])}${a + b + (r() < 0.2 ? 2 : 0)}件${pick(r, END)}`;
  },
  brackets: (r) => {
    const a = between(r, 1, 50);
    const b = between(r, 1, 50);
    return `婚姻家庭纠纷${a + b}件（离婚纠纷${a}件、${pick(r, ['赡养纠纷', '其他'])}${b}件）${pick(r, END)}`;
  },
  // figure-rate, figure-range, figure-approximation
  rates: (r) => {
    const d = between(r, 10, 200);
    const k = between(r, 1, d);
    return `调解纠纷${d}件，调解成功${k}件，调解成功率${Math.round((k * 1000) / d) / 10}%，受理${d}件、按期办结${k}件，按期办结率${pick(r, ['100', '98.5', '95'])}%，群众满意率${pick(r, ['99', '101', '98.6'])}%${pick(r, END)}`;
  },
  approximations: (r) =>
    `${pick(r, ['培训', '走访', '发放资料'])}约${between(r, 100, 9999)}${pick(r, ['余', '多'])}${pick(r, ['人次', '份', '场'])}，占比${between(r, 10, 40)}%～${between(r, 50, 120)}%，${pick(r, ['约300人左右', '近20余场', '8294多份', '两次', '十余场'])}${pick(r, END)}`,
  // enumeration-order: runs that repeat or skip
  enumerations: (r) => {
    let s = '';
    for (let i = 0, n = between(r, 3, 8); i < n; i++) s += `${NUMERALS[i === 2 && r() < 0.3 ? 1 : i]}是${pick(r, ['加强学习', '完善制度', '强化监督', '深化改革'])}，`;
    return s + pick(r, ['', '第一，规范执法，第二，强化监督，第二，', '。']);
  },
  // unbalanced-pair
  pairs: (r) => pick(r, ['“法治政府”建设，', '（含区直部门），', '开通12345”政务服务热线，', '“谁执法谁普法”，', '【专栏】', '（一是会前学法，二是专题培训），', '《法治日报》报道，', '「重点」', '（', '）', '“', '”', '1）', '‘试点’']),
  // document-number and 文号 zones
  numbers: (r) => pick(r, [`依据岚政〔${between(r, 2018, 2024)}〕${between(r, 1, 99)}号文件，`, `岚君山管[${between(r, 2018, 2024)}]${between(r, 1, 99)}号，`, `县政办发（2022）${between(r, 1, 99)}号，`, `${between(r, 1, 50)}号楼，`, '国务院令第713号，']),
  // citation
  citations: (r) => pick(r, ['学习《法治政府建设实施纲要（2021—2025年）》，', '贯彻《中华人民共和国行政处罚法》，', '落实《法制政府建设实施纲要（2021-2025年）》，', '执行《信访条例》，', '学习党的十九大精神，', '贯彻十九届五中全会精神，', '按照《重大行政决策程序暂行条例》（国务院令第713号），', '中发〔2021〕33号《法治政府建设实施纲要（2021—2025年）》，', '原《信访条例》已废止，']),
  // foreign-unit
  places: (r) => pick(r, ['安化县人民政府', '平口镇党委', '中原镇人民政府', '下辖容城县、雄县、安新县，', '辖区内中原镇、平原镇，', '联合安化县人民政府', '县委', '，', '。']) + pick(r, ['组织开展学习，', '推进工作，', '']),
  // year-mismatch, dates
  years: (r) => `${between(r, 2019, 2026)}年${between(r, 1, 13)}月${between(r, 1, 29)}日，${pick(r, ['2022年度', '2021—2025年', '２０２３年', '统计期限自2022年1月1日起至2022年12月31日止'])}完成工作${pick(r, END)}`,
  // vague-shortcomings, vague-plan, sparse-evidence, unheaded-section
  stock: (r) => pick(r, ['法治意识有待进一步提高，', '工作机制还需完善，', '队伍建设不够，', '一是学法用法不够深入，', '存在的问题和不足：', '主要原因是重视不够，', '执法人员15人不足，', '将进一步加强法治建设，', '持续推进依法行政，', '下一步，我县将', '例如某村', '典型案例：']),
  // artifact
  leftovers: (r) => pick(r, ['[bookmark: _GoBack]', 'XX', '王某某', '×××', '此处填写', '（略）', '2023年X月X日', '，']),
  // table-text: what the text says about requests and cases
  requests: (r) => pick(r, [`共收到政府信息公开申请${between(r, 1, 99)}件，`, `办结${between(r, 1, 99)}件，`, `结转下年度${between(r, 0, 9)}件，`, `上年结转${between(r, 0, 9)}件，`, `行政复议${between(r, 0, 9)}件，行政诉讼${between(r, 0, 9)}件，`, '所有申请均已办结，', '其中自然人申请41件，', '网上收到申请30件，', '。']),
};

/** A paragraph of `size` characters (UTF-16 units) of the given clause kinds, drawn at random. */
export function longParagraph(kinds: readonly string[], size: number, seed = 1): string {
  const r = random(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const s = CLAUSES[pick(r, kinds)](r);
    parts.push(s);
    length += s.length;
  }
  return parts.join('').slice(0, size);
}

/** The same text cut into `count` paragraphs of equal length (a line break every length ÷ count characters). */
export function cutInto(text: string, count: number): string {
  const length = Math.ceil(text.length / count);
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += length) lines.push(text.slice(at, at + length));
  return lines.join('\n');
}

export type Section = 'measures' | 'shortcomings' | 'plan';

/** A 法治政府建设 report of the county 平乐县 on 2023 whose section `where` is the paragraph(s) given. */
export function fazhiReport(paragraph: string, where: Section): string {
  return [
    '平乐县人民政府关于2023年度法治政府建设情况的报告',
    '市委、市政府：',
    '一、2023年推进法治政府建设的主要举措和成效',
    where === 'measures' ? paragraph : '全年受理行政复议案件12件，其中维持10件、纠正2件。',
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '县长认真履行推进法治建设第一责任人职责，带头述法。',
    '三、存在的不足和原因',
    where === 'shortcomings' ? paragraph : '一是法治意识有待提高，二是执法队伍建设不够。',
    '四、2024年推进法治政府建设的主要安排',
    where === 'plan' ? paragraph : '一是加强学习，二是完善制度。',
    '平乐县人民政府',
    '2024年1月5日',
  ].join('\n');
}

/** A 政府信息公开 report with its tables (a real one, pingtan-2021) whose section on requests opens with the paragraph(s) given. */
export function govInfoReport(paragraph: string, skeleton: string): string {
  const lines = skeleton.split('\n');
  const at = lines.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
  if (at < 0) throw new Error('the skeleton has no section on requests');
  lines.splice(at + 1, 0, paragraph);
  return lines.join('\n');
}
