// Findings in a paged document (a PDF) are told with their page: 「第N页」 in text, `page` in JSON, a `page`
// property in SARIF. Checked on a real report's findings, with the page breaks a PDF's reader would give.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import Ajv from 'ajv-draft-04';
import { renderFindings } from '../../server/src/cli/render/findings';
import { checkModel, parseReport } from '../../server/src/core/index';
import { pageLabel, pageOfLine } from '../../server/src/node/pages';
import { toSarif } from '../../server/src/node/sarif';
import { corpusText } from '../helpers/corpus';

describe('pages of findings', () => {
  it('pageOfLine: the last page starting at or before the line; nothing without pages', () => {
    const starts = [0, 10, 25, 25, 40];
    assert.equal(pageOfLine(starts, 0), 1);
    assert.equal(pageOfLine(starts, 9), 1);
    assert.equal(pageOfLine(starts, 10), 2);
    assert.equal(pageOfLine(starts, 24), 2);
    // A page without a line of text of its own (a blank page, a scanned page): the line is on the next one.
    assert.equal(pageOfLine(starts, 25), 4);
    assert.equal(pageOfLine(starts, 1000), 5);
    assert.equal(pageOfLine(undefined, 3), undefined);
    assert.equal(pageOfLine([], 3), undefined);
    assert.equal(pageLabel(3, 'zh'), '第3页');
    assert.equal(pageLabel(3, 'en'), 'page 3');
  });

  // pingtan-2021 with one 总计 wrong in 表三 (row 一、本年新收: 70 → 71): a table-sum error on line 29.
  const text = corpusText('gov-info', 'pingtan-2021').replace('\t4\t70\n', '\t4\t71\n');
  const findings = checkModel(parseReport(text));
  const pageStarts = [0, 9, 24, 53];

  it('the report gives the error the pages are told for', () => {
    assert.ok(findings.some((f) => f.rule === 'table-sum' && f.range.start.line === 28), JSON.stringify(findings.map((f) => [f.rule, f.range.start.line])));
  });

  it('text: 「第N页」 or 「page N」 beside the line, only for a paged document', () => {
    const zh = renderFindings(findings, 'zh', pageStarts);
    const sum = zh.split('\n').find((l) => l.includes('table-sum'))!;
    assert.match(sum, /^ {2}29:\d+ .*第3页.*错误/);
    assert.match(renderFindings(findings, 'en', pageStarts), /29:\d+ .*page 3/);
    assert.doesNotMatch(renderFindings(findings, 'zh'), /第\d+页/);
  });

  it('SARIF: a `page` property on the result and on its regions, valid against the SARIF 2.1.0 schema', () => {
    const log = toSarif({
      files: [{ path: 'report.pdf', findings, pageStarts }, { path: 'report.txt', findings }],
      unreadable: [], locale: 'zh', baseDir: process.cwd(), toolVersion: '0.0.0',
    }) as { runs: { results: { ruleId: string; properties?: { page?: number }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; properties?: { page?: number } } } }[] }[] }[] };
    const results = log.runs[0].results;
    const pdf = results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith('.pdf'));
    const txt = results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith('.txt'));
    const sum = pdf.find((r) => r.ruleId === 'table-sum')!;
    assert.equal(sum.properties?.page, 3);
    assert.equal(sum.locations[0].physicalLocation.region.properties?.page, 3);
    for (const r of pdf) assert.equal(r.properties?.page, pageOfLine(pageStarts, r.locations[0].physicalLocation.region.startLine - 1));
    assert.ok(txt.length > 0 && txt.every((r) => r.properties === undefined && r.locations[0].physicalLocation.region.properties === undefined));
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  });
});
