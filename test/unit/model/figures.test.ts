// Figure extraction over a table of real phrasings: from the seeds, and written like them.
import * as assert from 'assert/strict';
import { parseReport } from '../../../server/src/core/index';
import { figureAt, figuresOf, type Figure } from '../../../server/src/core/model/figures';
import { seedText } from '../../helpers/seeds';

type Expected = Partial<Pick<Figure, 'text' | 'kind' | 'value' | 'upper' | 'unit' | 'approximate' | 'subject' | 'date'>>;

function figuresOfSentence(sentence: string): Figure[] {
  return figuresOf(parseReport(`XX镇2023年法治政府建设年度报告\n一、主要举措和成效\n${sentence}\n`));
}

const CASES: [string, Expected[]][] = [
  // counts with measure words (seeds 000–004)
  ['理清了我镇民事全程代办事项518起、办结518起，办结率100%。', [
    { text: '518起', value: 518, unit: '起', kind: 'count', subject: '事项' }, { text: '518起', subject: '办结' }, { text: '100%', value: 100, kind: 'percent', subject: '办结率' }]],
  ['明确218名服务站代办员。', [{ text: '218名', value: 218, unit: '名', subject: '服务站代办员' }]],
  ['2024年累计主动公开政府信息832条，制定文件23条。', [
    { kind: 'year', value: 2024 }, { text: '832条', value: 832, subject: '政府信息' }, { text: '23条', subject: '文件' }]],
  ['印发督查通报12期。', [{ text: '12期', value: 12, unit: '期', subject: '督查通报' }]],
  ['解决企业生产经营中遇到的困难140余个。', [{ text: '140余个', value: 140, approximate: true, subject: '企业生产经营中遇到的困难' }]],
  ['今年以来广泛开展大型普法活动36次。', [{ text: '36次', value: 36, subject: '大型普法活动' }]],
  ['组织律师每年每村不少于4次进村为村民提供法律服务。', [{ text: '不少于4次', value: 4, approximate: true }]],
  ['今年各级调解委员会共受理案件383件，调解成功率达99.5%。', [{ text: '383件', value: 383, subject: '案件' }, { text: '99.5%', value: 99.5, kind: 'percent', subject: '调解成功率' }]],
  ['机关干部保证年学法时间不少于40学时，参学率达到100%。', [
    { text: '不少于40学时', kind: 'duration', value: 40, approximate: true }, { text: '100%', subject: '参学率' }]],
  ['2024年共处置问题线索13件，立案8人，给予党纪政务处分7人。', [
    { kind: 'year' }, { text: '13件', subject: '问题线索' }, { text: '8人', subject: '立案' }, { text: '7人', subject: '党纪政务处分' }]],
  ['实现沙溪镇行政服务中心政务事项网上可办率达100%。', [{ text: '100%', subject: '中心政务事项网上可办率' }]],
  ['对50余份各级文件征求意见稿提出回复意见。', [{ text: '50余份', value: 50, approximate: true }]],
  ['向市司法局备案规范性文件1份。', [{ text: '1份', value: 1, subject: '规范性文件' }]],
  ['前12个月共接待咨询群众500人次，开展法治讲座18场次。', [
    { text: '12个月', kind: 'duration', unit: '个月' }, { text: '500人次', unit: '人次', subject: '咨询群众' }, { text: '18场次', unit: '场次', subject: '法治讲座' }]],
  ['出具法律意见5宗，代书法律文书31宗。', [{ text: '5宗', subject: '法律意见' }, { text: '31宗', subject: '法律文书' }]],
  ['应急管理等多个领域的案件74宗，占案件总量的24.6%。', [{ text: '74宗' }, { text: '24.6%', value: 24.6, kind: 'percent' }]],
  ['出具《“门前三包”责任告知书》8294多份。', [{ text: '8294多份', value: 8294, approximate: true, approximation: undefined } as Expected]],
  ['清理“牛皮癣”8.2万余张。', [{ text: '8.2万余张', value: 82000, unit: '张', approximate: true, subject: '“牛皮癣”' }]],
  ['整治卫生死角341处约610.94吨。', [{ text: '341处', value: 341 }, { text: '约610.94吨', value: 610.94, kind: 'measure', unit: '吨', approximate: true }]],
  ['拆除地锁(铁栏)343件。', [{ text: '343件', subject: '地锁(铁栏)' }]],
  // a bracket still open before the figure holds its subject
  ['实验区25家党政机关（含四个片区局）均已配备法律顾问。', [{ text: '25家' }, { text: '四个', subject: '片区局' }]],
  ['其中婚姻家庭纠纷120件（离婚纠纷45件、赡养纠纷30件）。', [
    { text: '120件', subject: '婚姻家庭纠纷' }, { text: '45件', subject: '离婚纠纷' }, { text: '30件', subject: '赡养纠纷' }]],
  ['清理珠西线水溪桥底积存多年的垃圾杂草143车共468吨。', [{ text: '143车', unit: '车' }, { text: '468吨', kind: 'measure' }]],
  ['确保行政执法案卷评查合格率达到100%。', [{ text: '100%', subject: '行政执法案卷评查合格率' }]],
  ['受理点共受理行政复议案件申请14宗。', [{ text: '14宗', subject: '行政复议案件申请' }]],
  ['排查出矛盾纠纷120多宗，其中18宗列为重点。', [{ text: '120多宗', value: 120, approximate: true }, { text: '18宗', value: 18 }]],
  ['镇村两级人民调解委员会调处纠纷264宗，调解成功264宗。', [{ text: '264宗', subject: '纠纷' }, { text: '264宗', subject: '调解成功' }]],
  ['先后开展12次督导，发现问题20余个。', [{ text: '12次', subject: '督导' }, { text: '20余个', approximate: true, subject: '问题' }]],
  ['在“一网通办”前提下，1209个事项全部实现“最多跑一次”。', [{ text: '1209个', value: 1209 }]],
  ['1024个区级事项录入率100%、完整度100%、不见面审批占比94.0%。', [
    { text: '1024个', value: 1024 }, { text: '100%', subject: '区级事项录入率' }, { text: '100%', subject: '完整度' }, { text: '94.0%', value: 94, subject: '不见面审批占比' }]],
  ['审核20余份政府文件，印发规范性文件1份。', [{ text: '20余份', subject: '政府文件' }, { text: '1份', subject: '规范性文件' }]],
  ['新增区政府法律顾问3名。', [{ text: '3名', subject: '区政府法律顾问' }]],
  ['2021年收到行政复议申请案件16起，通过调解化解6起。', [{ kind: 'year' }, { text: '16起', subject: '行政复议申请案件' }, { text: '6起' }]],
  ['以区政府为被告的行政诉讼案件26起，较去年下降13%。', [{ text: '26起', subject: '以区政府为被告的行政诉讼案件' }, { text: '13%', kind: 'percent' }]],
  ['全年调解纠纷1422起，调解成功率98%，回访率100%。', [{ text: '1422起' }, { text: '98%', subject: '调解成功率' }, { text: '100%', subject: '回访率' }]],
  ['区政府共收到区建议提案158件，其中区人大代表建议55件、区政协委员提案103件。', [
    { text: '158件', subject: '区建议提案' }, { text: '55件', subject: '区人大代表建议' }, { text: '103件', subject: '区政协委员提案' }]],
  ['开展经济责任审计21个。', [{ text: '21个', subject: '经济责任审计' }]],
  ['查出不规范资金10919万余元。', [{ text: '10919万余元', kind: 'money', value: 109190000, unit: '元', approximate: true }]],
  ['受理各类政府信息公开申请9件，答复率100%。', [{ text: '9件' }, { text: '100%', subject: '答复率' }]],
  ['培训法律明白人142余场次。', [{ text: '142余场次', value: 142, unit: '场次', approximate: true }]],
  ['开展法律咨询873次，化解矛盾纠纷50余件。', [{ text: '873次', subject: '法律咨询' }, { text: '50余件', subject: '矛盾纠纷' }]],
  ['培训领导干部200余人次。', [{ text: '200余人次', value: 200, unit: '人次', approximate: true }]],
  ['党委理论学习中心组学习习近平法治思想4次，职工会学习10次。', [{ text: '4次' }, { text: '10次', subject: '职工会学习' }]],
  ['全年共发放宣传资料6000余份，播放广播宣传240余次。', [{ text: '6000余份', value: 6000, subject: '宣传资料' }, { text: '240余次', subject: '广播宣传' }]],
  ['开展法治培训12次，组织镇村干部参加法治理论考试合格率达到100%。', [{ text: '12次', subject: '法治培训' }, { text: '100%', subject: '法治理论考试合格率' }]],
  ['乡镇行政权力事项清单共151项，其中行政许可6项、行政处罚18项。', [{ text: '151项', subject: '乡镇行政权力事项清单' }, { text: '6项', subject: '行政许可' }, { text: '18项', subject: '行政处罚' }]],
  ['服务群众满意度达99%，服务退役军人300余人，办理优待证80个。', [{ text: '99%', subject: '群众满意度' }, { text: '300余人', value: 300 }, { text: '80个', subject: '优待证' }]],
  ['全年定期走访企业55家次。', [{ text: '55家次', unit: '家次', subject: '企业' }]],
  ['招商引资到位资金1.99亿元。', [{ text: '1.99亿元', kind: 'money', value: 199000000, unit: '元', subject: '招商引资到位资金' }]],
  ['安排专项经费35.5万元。', [{ text: '35.5万元', kind: 'money', value: 355000 }]],
  ['开展行政执法检查690次，群众满意度100%。', [{ text: '690次', subject: '行政执法检查' }, { text: '100%', subject: '群众满意度' }]],
  ['组织开展相关培训6场次240余人次。', [{ text: '6场次' }, { text: '240余人次', approximate: true }]],
  ['办理人大建议意见和政协提案共30件，办复率100%。', [{ text: '30件', subject: '人大建议意见和政协提案' }, { text: '100%', subject: '办复率' }]],
  ['全镇公开政府信息共235条，166条网络问政信件实现100%回复。', [{ text: '235条', subject: '政府信息' }, { text: '166条' }, { text: '100%' }]],
  // Chinese numerals
  ['召开专题会议两次。', [{ text: '两次', value: 2, unit: '次' }]],
  ['开展送法下乡十余次。', [{ text: '十余次', value: 10, approximate: true }]],
  ['提供法律服务百余次。', [{ text: '百余次', value: 100, approximate: true }]],
  ['共培训一百二十三人。', [{ text: '一百二十三人', value: 123 }]],
  ['整治点位近百个。', [{ text: '近百个', value: 100, approximate: true }]],
  // grouping, approximation words, ranges and points
  ['累计办理案件1,024件。', [{ text: '1,024件', value: 1024 }]],
  ['参训人员约300人左右。', [{ text: '约300人左右', value: 300, approximate: true }]],
  ['覆盖超过2000户。', [{ text: '超过2000户', value: 2000, approximate: true }]],
  ['满意度保持在15%～30%之间。', [{ text: '15%～30%', kind: 'percent', value: 15, upper: 30 }]],
  ['比例在15～30%之间。', [{ text: '15～30%', kind: 'percent', value: 15, upper: 30 }]],
  ['投资9～16亿元。', [{ text: '9～16亿元', kind: 'money', value: 9e8, upper: 1.6e9 }]],
  ['复议纠错率同比提高5个百分点。', [{ text: '5个百分点', kind: 'points', value: 5, unit: '个百分点' }]],
  // dates and periods
  ['截至2023年12月，全镇无行政诉讼案件。', [{ text: '2023年12月', kind: 'date', date: { year: 2023, month: 12 } }]],
  ['统计期限自2023年1月1日起至2023年12月31日止。', [
    { text: '2023年1月1日', kind: 'date', date: { year: 2023, month: 1, day: 1 } }, { text: '2023年12月31日', date: { year: 2023, month: 12, day: 31 } }]],
  ['1—12月共办理案件12件。', [{ text: '1—12月', kind: 'date', value: 1, upper: 12 }, { text: '12件' }]],
  ['今年截至11月，共受理14宗。', [{ text: '11月', kind: 'date', date: { month: 11 } }, { text: '14宗' }]],
  ['落实2021—2025年规划。', [{ text: '2021—2025年', kind: 'year', value: 2021, upper: 2025 }]],
  // not figures
  ['根据《2023年全县法治政府建设工作要点》（云阳府发〔2023〕37号）要求。', []],
  ['利用“12.4”宪法宣传日开展宣传。', []],
  ['结合“141”基层治理体系和“2+4+5”发展战略。', []],
  ['联系电话：15730573355。', []],
  ['拨打12345热线反映问题。', []],
  ['一是坚持会前学法，二是落实“三项制度”，推行一站式服务，建立一次性告知制度。', []],
  ['落实党政主要负责人履行推进法治建设第一责任人职责，推进“十四五”规划和“八五”普法。', []],
];

describe('figures', () => {
  for (const [sentence, expected] of CASES) {
    it(sentence, () => {
      const figures = figuresOfSentence(sentence);
      assert.equal(figures.length, expected.length, figures.map((f) => f.text).join(' | '));
      expected.forEach((e, i) => {
        const f = figures[i] as unknown as Record<string, unknown>;
        for (const [k, v] of Object.entries(e)) {
          if (v === undefined) continue;
          assert.deepEqual(f[k], v, `${figures[i].text}: ${k}`);
        }
      });
    });
  }

  it('gives each figure its sentence, section and exact range', () => {
    const m = parseReport(seedText('004'));
    const money = figuresOf(m).find((f) => f.text === '1.99亿元')!;
    assert.equal(money.section?.title, '健全政府机构职能体系');
    assert.match(money.sentence.text, /招商引资到位资金1\.99亿元/);
    assert.equal(m.lines[money.line].slice(money.range.start.character, money.range.end.character), '1.99亿元');
    assert.equal(figureAt(m, money.line, money.range.start.character + 2), money);
    assert.equal(figureAt(m, money.line, 0), undefined);
  });

  it('finds no figure in heading numbers, the title year or the 落款 date', () => {
    const m = parseReport(seedText('004'));
    const figures = figuresOf(m);
    assert.ok(!figures.some((f) => f.line === m.signature!.date!.range.start.line));
    assert.ok(!figures.some((f) => f.line < m.title!.range.end.line + 1));
    assert.ok(!figures.some((f) => m.headings.some((h) => h.line === f.line && f.range.start.character < h.titleRange.start.character)));
  });

  it('extracts figures from every seed, all ranges inside their line', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const m = parseReport(seedText(prefix));
      const figures = figuresOf(m);
      assert.ok(figures.length > 5, prefix);
      for (const f of figures) assert.equal(m.lines[f.line].slice(f.range.start.character, f.range.end.character), f.text);
    }
  });
});
