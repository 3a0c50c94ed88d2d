// The TextMate grammar, tokenised as VS Code does it (vscode-textmate with the Oniguruma WASM), on the seeds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { seedText } from '../helpers/seeds';

const ROOT = path.resolve(__dirname, '../..');
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes/govreport.tmLanguage.json');

let grammar: textmate.IGrammar;

before(async function () {
  this.timeout(20_000);
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'text.govreport' ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null),
  });
  grammar = (await registry.loadGrammar('text.govreport'))!;
});

/** Each line's tokens as [text, scopes]: the whole text tokenised line by line with the rule stack carried. */
function tokenize(text: string): { text: string; scopes: string[] }[][] {
  let stack = textmate.INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the first token that starts with `needle` on the first line containing it. */
function scopesOf(text: string, needle: string, lineHint?: RegExp): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const index = lines.findIndex((l) => l.includes(needle) && (!lineHint || lineHint.test(l)));
  assert.ok(index >= 0, `no line with ${needle}`);
  const tokens = tokenize(lines.slice(0, index + 1).join('\n'))[index];
  const token = tokens.find((t) => t.text.startsWith(needle)) ?? tokens.find((t) => t.text.includes(needle));
  assert.ok(token, `no token for ${needle} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

const has = (scopes: string[], scope: string) => assert.ok(scopes.some((s) => s.split(' ').includes(scope)), `${scope} not in ${scopes.join(', ')}`);
const lacks = (scopes: string[], prefix: string) => assert.ok(!scopes.some((s) => s.startsWith(prefix)), `${prefix}… in ${scopes.join(', ')}`);

describe('TextMate grammar', () => {
  it('is contributed for the report language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.contributes.grammars, [{ language: 'govreport', scopeName: 'text.govreport', path: './syntaxes/govreport.tmLanguage.json' }]);
  });

  it('the four heading levels: number and title (seed 003 and made-up lines)', () => {
    const text = seedText('003');
    const h1 = text.split('\n').find((l) => /^\s*[一二三四五六七八九]、/.test(l))!.trim();
    has(scopesOf(text, h1.slice(0, 2)), 'punctuation.definition.heading.1.govreport');
    has(scopesOf(text, h1.slice(2, 6)), 'entity.name.section.govreport');
    const sample = ['一、总体情况', '（二）加强组织领导。全年召开会议4次。', '3.推进一网通办', '（4）开展培训', '1.99亿元用于建设。'].join('\n');
    has(scopesOf(sample, '一、'), 'markup.heading.1.govreport');
    has(scopesOf(sample, '（二）'), 'markup.heading.2.govreport');
    has(scopesOf(sample, '加强组织领导'), 'entity.name.section.govreport');
    lacks(scopesOf(sample, '全年召开'), 'entity.name.section');
    has(scopesOf(sample, '3.'), 'markup.heading.3.govreport');
    has(scopesOf(sample, '（4）'), 'markup.heading.4.govreport');
    lacks(scopesOf(sample, '1.99'), 'markup.heading');
  });

  it('figures with units, percentages and dates (seed 004)', () => {
    const text = seedText('004');
    has(scopesOf(text, '1.99亿元'), 'constant.numeric.figure.govreport');
    const sample = '全年办理案件1,024件，同比增长12.5%，提高3个百分点，共20余个，于2024年3月1日完成。';
    has(scopesOf(sample, '1,024件'), 'constant.numeric.figure.govreport');
    has(scopesOf(sample, '12.5%'), 'constant.numeric.percentage.govreport');
    has(scopesOf(sample, '3个百分点'), 'constant.numeric.percentage.govreport');
    has(scopesOf(sample, '20余个'), 'constant.numeric.figure.govreport');
    has(scopesOf(sample, '2024年3月1日'), 'constant.other.date.govreport');
  });

  it('《》 titles and document numbers', () => {
    const text = seedText('001');
    has(scopesOf(text, '《'), 'string.quoted.other.title.govreport');
    const sample = '根据《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）要求。';
    has(scopesOf(sample, '《法治政府建设与责任落实督察工作规定》'), 'string.quoted.other.title.govreport');
    has(scopesOf(sample, '厅字〔2019〕28号'), 'constant.other.reference.document-number.govreport');
  });

  it('placeholders stand out: XX, ××, 某某, 待填写', () => {
    const sample = 'XX县人民政府关于××年度的报告，某某镇，（待填写：内容）';
    for (const p of ['XX', '××', '某某', '待填写']) has(scopesOf(sample, p), 'invalid.illegal.placeholder.govreport');
  });

  it('enumerations and the closing line', () => {
    const sample = '一是完善制度；二是强化监督。\n特此报告。';
    has(scopesOf(sample, '一是'), 'keyword.other.enumeration.govreport');
    has(scopesOf(sample, '二是'), 'keyword.other.enumeration.govreport');
    has(scopesOf(sample, '特此报告'), 'keyword.other.closing.govreport');
  });

  it('tokenises every seed line by line: no rule runs past the end of a line', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seedText(prefix);
      const carried = tokenize(text);
      text.split(/\r\n|\r|\n/).forEach((line, k) => {
        const alone = grammar.tokenizeLine(line, textmate.INITIAL).tokens.map((t) => t.scopes.join(' '));
        assert.deepStrictEqual(carried[k].map((t) => t.scopes.join(' ')), alone, `${prefix} line ${k + 1}`);
      });
    }
  });
});
