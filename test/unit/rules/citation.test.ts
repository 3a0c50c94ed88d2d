// The document table and the near-miss matcher behind the citation rule: every known title and its
// legitimate relatives match exactly or not at all; slips match their document.
import * as assert from 'assert/strict';
import { checkModel, parseReport } from '../../../server/src/core/index';
import SOURCES from '../../../server/src/core/data/documents.sources.json';
import {
  CONGRESSES, DOCUMENTS, PLENUMS, boundedEditDistance, documentById, matchTitle, nearMissDistance, normaliseTitle, parseDocumentNumber, yearMonth,
} from '../../../server/src/core/rules/shared/documents';
import { seedText } from '../../helpers/seeds';

const exactIds = (title: string) => {
  const m = matchTitle(title);
  return m?.kind === 'exact' ? m.docs.map((d) => d.id) : m;
};
/** The near miss a title is, or undefined (also for an exact match). */
const near = (title: string) => {
  const m = matchTitle(title);
  return m?.kind === 'near' ? { id: m.doc.id, reason: m.reason, replacement: m.replacement } : undefined;
};

describe('documents table', () => {
  it('every entry has a title, an issue date and parseable 文号, and every checked field a source of confidence H or M', () => {
    const checked = ['title', 'numbers', 'issued', 'supersededBy'] as const;
    for (const d of DOCUMENTS) {
      assert.ok(d.title && !d.title.includes('《'), d.id);
      assert.match(d.issued, /^\d{4}-\d{2}(-\d{2})?$/, d.id);
      for (const n of d.numbers) assert.ok(parseDocumentNumber(n.number), `${d.id}: ${n.number}`);
      if (d.supersededBy) assert.ok(documentById(d.supersededBy.id), d.id);
      const sources = (SOURCES.documents as Record<string, { sources: { url: string; fields: string[]; confidence: string }[] }>)[d.id]?.sources;
      assert.ok(sources && sources.length > 0, `${d.id}: no sources`);
      for (const field of checked) {
        if (field === 'numbers' ? d.numbers.length === 0 : d[field] === undefined) continue;
        assert.ok(sources.some((s) => s.url && s.fields.includes(field) && /^[HM]$/.test(s.confidence)), `${d.id}: ${field} has no source of H or M`);
      }
    }
    for (const c of CONGRESSES) assert.match((SOURCES.congresses as Record<string, { confidence: string }>)[c.name]?.confidence ?? '', /^[HM]$/, c.name);
    for (const p of PLENUMS) assert.match((SOURCES.plenums as Record<string, { confidence: string }>)[`${p.term}-${p.number}`]?.confidence ?? '', /^[HM]$/, `${p.term}-${p.number}`);
  });

  it('every official title, short title and alias matches its document exactly', () => {
    for (const d of DOCUMENTS) {
      for (const form of [d.title, ...(d.short ? [d.short] : []), ...d.aliases]) {
        const ids = exactIds(form);
        assert.ok(Array.isArray(ids) && ids.includes(d.id), `${form} → ${JSON.stringify(ids)}`);
      }
    }
  });

  it('forms that are not errors normalise to the official title', () => {
    assert.equal(normaliseTitle('法治政府建设实施纲要(2021-2025年)'), normaliseTitle('法治政府建设实施纲要（2021—2025年）'));
    assert.equal(normaliseTitle('法治政府建设实施纲要（2021－2025）'), normaliseTitle('法治政府建设实施纲要（2021—2025年）'));
    assert.equal(normaliseTitle('中华人民共和国行政处罚法（2021年修订）'), '行政处罚法');
    assert.deepEqual(exactIds('“八五”普法规划'), ['bawu-pufa-2021']);
    assert.deepEqual(exactIds('法治政府建设实施纲要'), ['gangyao-2021', 'gangyao-2015']);
  });
});

describe('near-miss matcher', () => {
  it('a wrong period is a near miss of the document with the same end (or start)', () => {
    assert.deepEqual(near('法治政府建设实施纲要（2022—2025年）'), { id: 'gangyao-2021', reason: 'period', replacement: '法治政府建设实施纲要（2021—2025年）' });
    assert.deepEqual(near('法治政府建设实施纲要（2016—2020年）'), { id: 'gangyao-2015', reason: 'period', replacement: '法治政府建设实施纲要（2015—2020年）' });
    assert.equal(near('法治中国建设规划（2021—2025年）')?.id, 'fazhi-zhongguo-2020');
  });

  it('督查 for 督察, an added 的, a dropped character are slips', () => {
    assert.equal(near('法治政府建设与责任落实督查工作规定')?.id, 'ducha-2019');
    assert.equal(near('党政主要负责人履行推进法治建设的第一责任人职责规定')?.id, 'first-responsibility-2016');
    assert.deepEqual(near('行政复法'), undefined, 'under five characters: not compared');
    assert.deepEqual(near('行政复议'), undefined);
    assert.deepEqual(near('中华人民共和国行政复法'), undefined, 'the prefix does not count towards the length');
    assert.deepEqual(near('法治政府建设纲要（2021—2025年）'), { id: 'gangyao-2021', reason: 'spelling', replacement: '法治政府建设实施纲要（2021—2025年）' });
  });

  it('a law keeps the writer’s choice of 中华人民共和国', () => {
    assert.equal(near('优化营商环境条列')?.replacement, '优化营商环境条例');
    assert.equal(near('中华人民共和国政府信息公开条列')?.replacement, '中华人民共和国政府信息公开条例');
    assert.equal(near('政府信息公开条列')?.replacement, '政府信息公开条例');
  });

  it('real other documents are not near misses (those in the table match themselves exactly)', () => {
    for (const title of [
      '法治社会建设实施纲要（2020—2025年）', '中华人民共和国行政复议法实施条例', '行政复议法实施条例', '法治政府建设实施方案（2021—2025年）',
      '清水县法治政府建设实施方案（2021—2025年）', '浙江省信访条例', '上海市优化营商环境条例', '全面推进依法行政实施纲要',
      '中华人民共和国民事诉讼法', '刑事诉讼法', '治安管理处罚法', '行政机关负责人出庭应诉工作办法', '广东省行政规范性文件管理规定',
      '中山市人民政府重大行政决策程序暂行规定', '山东省重大行政决策程序规定', '静海区法治政府建设实施纲要(20212025年)',
      '党政主要负责人履行推进法治建设第一责任人职责清单', '法治政府建设与责任落实督察工作规定实施办法', '纲要', '规定', '条例',
      '中共中央国务院印发(法治政府建设实施纲要(2021-2025年)>的通知',
    ]) {
      assert.notEqual(matchTitle(title)?.kind, 'near', title);
    }
  });

  it('the distance is bounded and only slips count', () => {
    assert.equal(boundedEditDistance('行政处罚法', '行政许可法', 2), 2);
    assert.equal(boundedEditDistance('法治社会建设实施纲要(2020-2025)', '法治政府建设实施纲要(2021-2025)', 2), undefined);
    assert.equal(nearMissDistance('行政处罚法', '行政许可法'), undefined, 'two changes in a short title: another law');
    assert.equal(nearMissDistance('法治政府建设实施方案', '法治政府建设实施纲要'), undefined, 'two changes: another document');
    assert.equal(nearMissDistance('行政复议法实施条例', '行政复议法'), undefined);
    assert.equal(nearMissDistance('法治政府建设与责任落实督查工作规定', '法治政府建设与责任落实督察工作规定'), 1);
  });

  it('文号 parse into their parts', () => {
    assert.deepEqual(parseDocumentNumber('中发〔2021〕33号'), { kind: 'bracket', prefix: '中发', year: 2021, serial: 33 });
    assert.deepEqual(parseDocumentNumber('中发[2021]33号'), { kind: 'bracket', prefix: '中发', year: 2021, serial: 33 });
    assert.deepEqual(parseDocumentNumber('中华人民共和国主席令第七十号'), { kind: 'order', issuer: '主席', serial: 70 });
    assert.deepEqual(parseDocumentNumber('国务院令第７１３号'), { kind: 'order', issuer: '国务院', serial: 713 });
    assert.deepEqual(yearMonth('2021-08'), { year: 2021, month: 8 });
  });
});

describe('citation on the seeds', () => {
  it('is silent on every seed: their citations are right (《重大行政决策程序暂行条例》, 《中华人民共和国行政处罚法》, 十九大 in reports on 2020 and 2021, 二十大 in 2023)', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const findings = checkModel(parseReport(seedText(prefix))).filter((f) => f.rule === 'citation');
      assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message.zh}`), [], prefix);
    }
  });
});
