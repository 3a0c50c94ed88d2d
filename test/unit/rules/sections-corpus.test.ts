// The mandated parts of the real 法治政府建设 reports in test/fixtures/corpus/fazhi (copies of
// /work/shared/corpus/fazhi): what a careful reader finds in each is found, as written, and the correct look-alikes
// around it stay silent.
import * as assert from 'assert/strict';
import { checkModel, matchSections, parseReport, resolveProfile } from '../../../server/src/core/index';
import { allCorpus, corpusText } from '../../helpers/corpus';
import { allSeeds, seedText } from '../../helpers/seeds';

const findingsOf = (text: string, rule: string) => checkModel(parseReport(text)).filter((f) => f.rule === rule);
const at = (text: string, rule: string) => findingsOf(text, rule).map((f) => `${f.severity}@${f.range.start.line + 1}`);

describe('the 法治政府建设 reports of the corpus', () => {
  describe('reasons-missing: a 不足 that lists problems without any 原因', () => {
    it('pingtan-shiye-2022 (「…关于2022年法治工作情况暨2023年工作要点的报告」) is read as a 法治政府建设 report', () => {
      assert.equal(resolveProfile(parseReport(corpusText('fazhi', 'pingtan-shiye-2022')))?.id, 'fazhi-annual');
    });

    it('pingtan-shiye-2022: 「二、存在问题」 — 「…制约我局依法行政工作的问题和挑战依然存在：一是…」 gives no reason', () => {
      assert.deepEqual(at(corpusText('fazhi', 'pingtan-shiye-2022'), 'reasons-missing'), ['warning@14']);
    });

    it('pingtan-junshan-2022: 「二、存在的问题和不足」 — 「一是法治化营商环境有待进一步优化。…」 gives no reason', () => {
      assert.deepEqual(at(corpusText('fazhi', 'pingtan-junshan-2022'), 'reasons-missing'), ['warning@21']);
    });

    it('the same 不足 with a reason added is silent', () => {
      const shiye = corpusText('fazhi', 'pingtan-shiye-2022').replace('处理难度较大；', '处理难度较大，主要原因是纠纷调处机制尚不健全；');
      assert.deepEqual(at(shiye, 'reasons-missing'), []);
      const junshan = corpusText('fazhi', 'pingtan-junshan-2022').replace('有待进一步优化。', '有待进一步优化，究其原因在于涉企服务力量不足。');
      assert.deepEqual(at(junshan, 'reasons-missing'), []);
    });

    it('a title on 法治宣传教育 or 普法 work is not a 法治政府建设 report', () => {
      for (const title of ['某区司法局关于2023年法治宣传教育工作情况的报告', '某区2023年普法依法治理工作总结报告']) {
        assert.equal(resolveProfile(parseReport(`${title}\n一、工作开展情况\n开展普法活动12场。\n二、存在问题\n一是普法形式单一。\n`)), undefined, title);
      }
    });
  });

  describe('missing-section: 第一责任人 reported as an item, or only touched on in passing', () => {
    const firstResponsible = (text: string) => findingsOf(text, 'missing-section').filter((f) => /第一责任人/.test(f.message.zh));

    it('pingtan-2025: only 「切实履行法治政府建设第一责任人职责」 inside 一（三）「加强统筹谋划」 — a warning naming the place', () => {
      const text = corpusText('fazhi', 'pingtan-2025');
      const findings = firstResponsible(text);
      assert.deepEqual(findings.map((f) => `${f.severity}@${f.range.start.line + 1}`), ['warning@1']);
      assert.match(findings[0].message.zh, /没有单独成项，只在第6行（一（三）“加强统筹谋划”）提及/);
      assert.match(findings[0].message.en, /line 6 \(under 一（三） 加强统筹谋划\)/);
      const related = findings[0].related!.map((r) => text.split('\n')[r.range.start.line].slice(r.range.start.character, r.range.end.character));
      assert.deepEqual(related, ['第一责任人']);
      assert.deepEqual(findings[0].related!.map((r) => r.range.start.line + 1), [6]);
      assert.ok(findings[0].fixes?.some((f) => /插入/.test(f.title.zh)), 'offers to insert the section');
    });

    it('pingtan-2025 with that sentence gone: the item is missing, an error as before', () => {
      const text = corpusText('fazhi', 'pingtan-2025').replace('切实履行法治政府建设第一责任人职责，', '');
      assert.deepEqual(firstResponsible(text).map((f) => f.severity), ['error']);
    });

    it('pingtan-2024: 「主要负责同志切实履行推进法治建设第一责任人职责，组织召开……」 names who carries the duty — silent', () => {
      assert.deepEqual(firstResponsible(corpusText('fazhi', 'pingtan-2024')), []);
    });

    it('pingtan-shiye-2022: 「（一）党政主要负责人履行推进法治建设第一责任人职责」 is a subsection of its own — silent', () => {
      assert.deepEqual(firstResponsible(corpusText('fazhi', 'pingtan-shiye-2022')), []);
    });

    it('seed 000 without its 「二、…第一责任人职责…」 section: 「一是明确党委书记、镇长为推进法治政府建设第一责任人」 in （六） is in passing — a warning naming the mentions', () => {
      const lines = seedText('000').split('\n');
      const at = lines.findIndex((l) => l.startsWith('二、2020年主要负责人履行'));
      const end = lines.findIndex((l, i) => i > at && l.startsWith('三、'));
      const text = [...lines.slice(0, at), ...lines.slice(end)].join('\n');
      const findings = firstResponsible(text);
      assert.deepEqual(findings.map((f) => f.severity), ['warning']);
      assert.match(findings[0].message.zh, /没有单独成项，只在第22行（一（一）“依法全面履行政府职能情况”）等3处提及/);
      assert.ok(findings[0].related!.some((r) => r.range.start.line + 1 === 46), 'line 46 among the mentions');
    });

    it('pingtan-junshan-2022: no 第一责任人 statement at all (「主要负责同志多次主持召开党委会议」 is not one) — an error', () => {
      assert.deepEqual(firstResponsible(corpusText('fazhi', 'pingtan-junshan-2022')).map((f) => f.severity), ['error']);
    });
  });

  describe('a mandated part deleted with its heading is still missing (an error), not read as unheaded', () => {
    for (const { name, text } of [...allSeeds(), ...allCorpus('fazhi')]) {
      const model = parseReport(text);
      const profile = resolveProfile(model);
      if (!profile) continue;
      for (const s of matchSections(model, profile)) {
        const tops = s.headings.filter((h) => h.level === 1);
        if (!['shortcomings', 'plan'].includes(s.item.id) || s.via !== 'heading' || tops.length !== 1) continue;
        const h = tops[0];
        it(`${name}: without 「${h.number.raw}${h.title.slice(0, 20)}」 and its text`, () => {
          const lines = text.split('\n');
          lines.splice(h.line, h.sectionRange.end.line - h.line + 1);
          const findings = checkModel(parseReport(lines.join('\n')));
          assert.ok(findings.some((f) => f.rule === 'missing-section' && f.severity === 'error' && f.message.zh.includes(s.item.name.zh)), s.item.id);
          assert.deepEqual(findings.filter((f) => f.rule === 'unheaded-section'), []);
        });
      }
    }
  });
});
