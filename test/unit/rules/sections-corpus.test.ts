// The mandated parts of the real 法治政府建设 reports in test/fixtures/corpus/fazhi (copies of
// /work/shared/corpus/fazhi): what a careful reader finds in each is found, as written, and the correct look-alikes
// around it stay silent.
import * as assert from 'assert/strict';
import { checkModel, parseReport, resolveProfile } from '../../../server/src/core/index';
import { corpusText } from '../../helpers/corpus';

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
});
