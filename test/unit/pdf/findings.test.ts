// A report printed to PDF gives the same findings as its text: the reader's text (paragraphs joined, tables as
// TAB rows) is what the core reads in a .txt. Compared up to positions: rule, severity and message, with the
// line numbers some messages cite left out (a paragraph the .txt wrote over two lines is one in the PDF).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, parseReport, type Finding } from '../../../server/src/core/index';
import { extractPdfText } from '../../../server/src/node/pdf';
import { reportPdf, requireCjkFont } from '../../helpers/make-pdf';
import { allSeeds } from '../../helpers/seeds';

const GOV_INFO = path.resolve(__dirname, '../../fixtures/corpus/gov-info');

function findings(text: string): string[] {
  const lineless = (s: string) => s.replace(/第\d+行/g, '第N行').replace(/\bline \d+/g, 'line N');
  return checkModel(parseReport(text)).map((f: Finding) => `${f.rule} ${f.severity} ${lineless(f.message.zh)} | ${lineless(f.message.en)}`).sort();
}

async function pdfText(text: string, mergedHeaders = false): Promise<string> {
  return (await extractPdfText(await reportPdf(text, { header: '政府信息公开工作年度报告', pageNumbers: true, mergedHeaders }))).text;
}

describe('a report as PDF gives the findings of its text', function () {
  this.timeout(60_000);
  before(function () {
    requireCjkFont(this);
  });

  for (const name of fs.readdirSync(GOV_INFO).filter((f) => f.endsWith('.txt')).sort()) {
    it(`政府信息公开 report ${name}, with its tables 表二, 表三 and 表四`, async () => {
      const text = fs.readFileSync(path.join(GOV_INFO, name), 'utf8');
      assert.deepEqual(findings(await pdfText(text)), findings(text));
    });
  }

  for (const name of fs.readdirSync(GOV_INFO).filter((f) => f.endsWith('.txt')).sort()) {
    it(`政府信息公开 report ${name}, 表三's header with its merged cells as the template prints it`, async () => {
      const text = fs.readFileSync(path.join(GOV_INFO, name), 'utf8');
      const pdf = await pdfText(text, true);
      // The note merged down the header's three rows, printed among their lines, reads whole (brackets closed).
      if (text.includes('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n自然人')) {
        assert.ok(pdf.includes('\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n'), pdf);
      }
      assert.deepEqual(findings(pdf), findings(text));
    });
  }

  it('a 表三 that does not add up: the same table-sum errors', async () => {
    const text = fs.readFileSync(path.join(GOV_INFO, 'pingtan-2021.txt'), 'utf8');
    // 「（一）予以公开」 for 自然人 27 → 28: its row and its column no longer balance (one finding names both).
    const broken = text.replace('三、本年度办理结果\t（一）予以公开\t27\t', '三、本年度办理结果\t（一）予以公开\t28\t');
    assert.notEqual(broken, text);
    const expected = findings(broken);
    assert.ok(expected.some((f) => f.startsWith('table-sum error 表三 “（一）予以公开”行：自然人28')), expected.join('\n'));
    assert.deepEqual(findings(await pdfText(broken)), expected);
  });

  for (const seed of allSeeds()) {
    it(`法治政府建设 report ${seed.name}`, async () => {
      assert.deepEqual(findings(await pdfText(seed.text)), findings(seed.text));
    });
  }
});
