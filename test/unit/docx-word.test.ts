// The .docx reader reads a document as Word shows it: numbering from paragraph styles and shared between the
// lists of one definition, tracked changes accepted, hidden text left out, a text box once and in place,
// non-breaking hyphens, any namespace prefix, and the main part wherever the package's relationships put it.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkModel, figureRows, parseReport, ruleById } from '../../server/src/core/index';
import { DocxError, extractDocxText } from '../../server/src/node/docx';
import { documentXml, storedDocx, W_NS } from '../helpers/docx';

const p = (text: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl?: number) => `<w:numPr>${ilvl !== undefined ? `<w:ilvl w:val="${ilvl}"/>` : ''}<w:numId w:val="${numId}"/></w:numPr>`;
const pStyle = (id: string) => `<w:pStyle w:val="${id}"/>`;
const level = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const numbering = (...parts: string[]) => `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W_NS}">${parts.join('')}</w:numbering>`;
/** Two levels, 「一、」 and 「（一）」, as Chinese reports number their headings. */
const HEADINGS = `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}</w:abstractNum>`;
const num = (numId: number, abstractId: number, inner = '') => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${inner}</w:num>`;
const styles = (...parts: string[]) => `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W_NS}">${parts.join('')}</w:styles>`;
const style = (type: string, id: string, inner: string) => `<w:style w:type="${type}" w:styleId="${id}">${inner}</w:style>`;

const read = (body: string, parts: Record<string, string> = {}) => extractDocxText(storedDocx({ 'word/document.xml': documentXml(body), ...parts }));

describe('extractDocxText: numbering as Word counts it', () => {
  // Heading 1 and 2 numbered by their styles, as Word's 「多级列表 → 链接到样式」 leaves them: the paragraphs
  // name only the style. A report style based on Heading 1 inherits its numbering.
  const STYLES = styles(
    style('paragraph', 'Normal', '<w:name w:val="Normal"/>').replace('<w:style ', '<w:style w:default="1" '),
    style('paragraph', 'Heading1', `<w:basedOn w:val="Normal"/><w:pPr>${numPr(1)}</w:pPr>`),
    style('paragraph', 'Heading2', `<w:basedOn w:val="Normal"/><w:pPr>${numPr(1, 1)}</w:pPr>`),
    style('paragraph', 'ReportHeading', '<w:basedOn w:val="Heading1"/>'),
    // A former numbering kept by a tracked change of the style is not its numbering.
    style('paragraph', 'Quote', `<w:basedOn w:val="Normal"/><w:pPr><w:pPrChange w:id="9"><w:pPr>${numPr(1)}</w:pPr></w:pPrChange></w:pPr>`),
  );
  const NUMBERING = numbering(HEADINGS, num(1, 0));

  it('numbers a paragraph by its style’s w:numPr, through w:basedOn; its own numId 0 switches that off', () => {
    const body = p('总体情况', pStyle('Heading1')) + p('组织领导', pStyle('Heading2')) + p('引文', pStyle('Quote')) +
      p('不编号的标题', pStyle('Heading1') + numPr(0)) + p('主要问题', pStyle('ReportHeading')) + p('正文');
    assert.equal(read(body, { 'word/styles.xml': STYLES, 'word/numbering.xml': NUMBERING }), '一、总体情况\n（一）组织领导\n引文\n不编号的标题\n二、主要问题\n正文');
  });

  it('finds the four mandated sections of a report whose headings are numbered by their styles', () => {
    const fixture = fs.readFileSync(path.resolve(__dirname, '../fixtures/rules/sections.first-responsible.txt'), 'utf8');
    const lines = fixture.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n').filter((l) => !l.startsWith('%%'));
    // The numbers are Word's: the paragraphs hold only the heading words.
    const body = lines.map((line) => {
      const m = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)(.*)$/.exec(line);
      if (!m) return p(line);
      return p(m[1], pStyle(line.startsWith('（') ? 'Heading2' : 'ReportHeading'));
    }).join('');
    const sections = [ruleById('missing-section')!, ruleById('section-order')!, ruleById('numbering-gap')!];
    const text = read(body, { 'word/styles.xml': STYLES, 'word/numbering.xml': NUMBERING });
    assert.equal(text, lines.join('\n'));
    assert.deepEqual(checkModel(parseReport(text), { rules: sections }), []);
    // Without the styles the headings lose their numbers, and the sections are missing: what the old reader did.
    const unstyled = read(body, { 'word/numbering.xml': NUMBERING });
    assert.ok(checkModel(parseReport(unstyled), { rules: sections }).some((f) => f.rule === 'missing-section'));
  });

  it('takes the level from the numbering level that names the paragraph’s style (w:lvl/w:pStyle)', () => {
    const STYLED = styles(style('paragraph', 'Sub', `<w:pPr>${numPr(1)}</w:pPr>`));
    const NUMBERED = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%2.', '<w:pStyle w:val="Sub"/>')}</w:abstractNum>`, num(1, 0));
    assert.equal(read(p('总体', numPr(1, 0)) + p('分项', pStyle('Sub')) + p('分项', pStyle('Sub')), { 'word/styles.xml': STYLED, 'word/numbering.xml': NUMBERED }), '一、总体\n1.分项\n2.分项');
  });

  it('counts on across the w:num instances of one abstract definition, and restarts only where a w:lvlOverride says', () => {
    // Word writes a second w:num for a list pasted or continued elsewhere, and one with a w:startOverride for
    // 「重新开始编号」.
    const SHARED = numbering(HEADINGS, num(1, 0), num(2, 0), num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'));
    const body = p('甲', numPr(1, 0)) + p('乙', numPr(2, 0)) + p('丙', numPr(1, 0)) + p('另一清单', numPr(3, 0)) + p('另一清单', numPr(3, 0)) + p('丁', numPr(2, 0));
    assert.equal(read(body, { 'word/numbering.xml': SHARED }), '一、甲\n二、乙\n三、丙\n一、另一清单\n二、另一清单\n四、丁');
  });

  it('gives no numbering-duplicate for a report whose headings come from two lists of one definition', () => {
    const SHARED = numbering(HEADINGS, num(1, 0), num(2, 0));
    const headings = ['2023年推进法治政府建设的主要举措和成效', '2023年推进法治政府建设存在的不足和原因', '2024年推进法治政府建设的主要安排', '其他需要报告的情况'];
    const body = p('青龙镇人民政府关于2023年度法治政府建设情况的报告') +
      headings.map((h, i) => p(h, numPr(i < 2 ? 1 : 2, 0)) + p('全年办理事项3260件。')).join('');
    const text = read(body, { 'word/numbering.xml': SHARED });
    assert.match(text, /\n三、2024年推进法治政府建设的主要安排\n/);
    assert.deepEqual(checkModel(parseReport(text), { rules: [ruleById('numbering-duplicate')!] }), []);
  });

  it('restarts deeper levels as w:lvlRestart says, and writes a legal level’s numbers in Arabic digits (w:isLgl)', () => {
    const LISTS = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${level(0, 'upperRoman', '%1.')}${level(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum>`,
      num(1, 0), num(2, 1));
    const body = p('甲', numPr(1, 0)) + p('a', numPr(1, 1)) + p('乙', numPr(1, 0)) + p('b', numPr(1, 1)) + p('A', numPr(2, 0)) + p('B', numPr(2, 0)) + p('c', numPr(2, 1));
    assert.equal(read(body, { 'word/numbering.xml': LISTS }), '一、甲\n1.a\n二、乙\n2.b\nI.A\nII.B\n2.1c');
  });

  it('writes the number formats Chinese reports use', () => {
    const formats = ['decimalEnclosedCircle', 'decimalEnclosedParen', 'decimalFullWidth', 'lowerLetter', 'lowerRoman', 'decimalZero', 'ideographDigital'];
    const LISTS = numbering(...formats.map((f, k) => `<w:abstractNum w:abstractNumId="${k}">${level(0, f, '%1')}</w:abstractNum>${num(k + 1, k)}`));
    const body = formats.map((_, k) => `<w:p><w:pPr>${numPr(k + 1, 0)}</w:pPr></w:p>`.repeat(28)).join('');
    const lines = read(body, { 'word/numbering.xml': LISTS }).split('\n');
    const at = (k: number, n: number) => lines[k * 28 + n - 1];
    assert.deepEqual([at(0, 1), at(0, 20), at(0, 21), at(1, 3), at(2, 12), at(3, 2), at(3, 27), at(4, 14), at(5, 7), at(5, 12), at(6, 10)],
      ['①', '⑳', '21', '⑶', '１２', 'b', 'aa', 'xiv', '07', '12', '一〇']);
  });

  it('takes a custom number format’s mc:Fallback, the form Word 2007 reads', () => {
    const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const custom = `<mc:AlternateContent xmlns:mc="${MC}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>`;
    const LISTS = numbering(`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>${custom}<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>`, num(1, 0));
    assert.equal(read(p('甲', numPr(1, 0)), { 'word/numbering.xml': LISTS }), '01.甲');
  });
});

describe('extractDocxText: what Word shows', () => {
  const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
  const WPS = 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape';
  /** A Word 2010 text box: the shape in mc:Choice, the same text as a VML text box in mc:Fallback. */
  const textBox = (content: string) =>
    `<w:r><mc:AlternateContent xmlns:mc="${MC}" xmlns:wps="${WPS}" xmlns:v="urn:schemas-microsoft-com:vml">` +
    `<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
    '</mc:AlternateContent></w:r>';

  it('reads a text box once, after the paragraph it is anchored in, whose text around it stays whole', () => {
    const NUMBERING = numbering(HEADINGS, num(1, 0));
    const body = p('前言') +
      `<w:p><w:pPr>${numPr(1, 0)}</w:pPr><w:r><w:t>总体</w:t></w:r>${textBox(p('框内第一段') + p('框内第二段'))}<w:r><w:t>情况</w:t></w:r></w:p>` +
      p('主要问题', numPr(1, 0));
    assert.equal(read(body, { 'word/numbering.xml': NUMBERING }), '前言\n一、总体情况\n框内第一段\n框内第二段\n二、主要问题');
  });

  it('reads an old VML text box alone, and a text box in a table cell into the cell', () => {
    const vml = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p('说明')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const cell = (content: string) => `<w:tc>${content}</w:tc>`;
    const body = `<w:p><w:r><w:t>标题</w:t></w:r>${vml}</w:p>` +
      `<w:tbl><w:tr>${cell(`<w:p><w:r><w:t>单元格</w:t></w:r>${textBox(p('框'))}</w:p>`)}${cell(p('2'))}</w:tr></w:tbl>`;
    assert.equal(read(body), '标题\n说明\n单元格框\t2');
  });

  it('accepts tracked changes: insertions and moves in, deletions and moved-away text out, joined paragraphs joined', () => {
    const author = 'w:id="1" w:author="审核人" w:date="2024-01-01T00:00:00Z"';
    const body =
      `<w:p><w:r><w:t>全年</w:t></w:r><w:del ${author}><w:r><w:delText>收到</w:delText></w:r></w:del><w:ins ${author}><w:r><w:t>办理</w:t></w:r></w:ins><w:r><w:t>30件。</w:t></w:r></w:p>` +
      // A paragraph moved down: its old place keeps a paragraph whose mark moved too, so no line is left there.
      `<w:moveFromRangeStart ${author} w:name="m1"/><w:p><w:pPr><w:rPr><w:moveFrom ${author}/></w:rPr></w:pPr><w:moveFrom ${author}><w:r><w:t>移动的段落</w:t></w:r></w:moveFrom></w:p><w:moveFromRangeEnd w:id="1"/>` +
      p('中间的段落') +
      `<w:moveToRangeStart ${author} w:name="m1"/><w:p><w:moveTo ${author}><w:r><w:t>移动的段落</w:t></w:r></w:moveTo></w:p><w:moveToRangeEnd w:id="1"/>` +
      // A deleted paragraph mark joins the paragraph to the next.
      `<w:p><w:pPr><w:rPr><w:del ${author}/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>` + p('后半句。') +
      `<w:tbl><w:tr><w:tc>${p('保留的行')}</w:tc></w:tr><w:tr><w:trPr><w:del ${author}/></w:trPr><w:tc>${p('删除的行')}</w:tc></w:tr></w:tbl>`;
    assert.equal(read(body), '全年办理30件。\n中间的段落\n移动的段落\n前半句，后半句。\n保留的行');
  });

  it('does not count a deleted numbered paragraph', () => {
    const NUMBERING = numbering(HEADINGS, num(1, 0));
    const gone = `<w:p><w:pPr>${numPr(1, 0)}<w:rPr><w:del w:id="2" w:author="a"/></w:rPr></w:pPr><w:del w:id="3" w:author="a"><w:r><w:delText>删除的标题</w:delText></w:r></w:del></w:p>`;
    assert.equal(read(p('甲', numPr(1, 0)) + gone + p('乙', numPr(1, 0)), { 'word/numbering.xml': NUMBERING }), '一、甲\n二、乙');
  });

  it('leaves out hidden text: w:vanish on the run, through its character style, or through the paragraph style', () => {
    const STYLES = styles(
      style('character', 'HiddenChar', '<w:rPr><w:vanish/></w:rPr>'),
      style('character', 'Note', '<w:basedOn w:val="HiddenChar"/>'),
      style('paragraph', 'HiddenPara', '<w:rPr><w:vanish/></w:rPr>'),
    );
    const run = (text: string, rPr: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t>${text}</w:t></w:r>`;
    const body = `<w:p><w:r><w:t>可见</w:t></w:r>${run('隐藏', '<w:vanish/>')}${run('样式隐藏', '<w:rStyle w:val="Note"/>')}` +
      `${run('又显示', '<w:rStyle w:val="HiddenChar"/><w:vanish w:val="0"/>')}${run('也显示', '<w:vanish w:val="false"/>')}</w:p>` +
      // A paragraph hidden with its mark shows as nothing at all, not as an empty line.
      p('隐藏的段落', pStyle('HiddenPara')) + p('下一段');
    assert.equal(read(body, { 'word/styles.xml': STYLES }), '可见又显示也显示\n下一段');
  });

  it('writes a non-breaking hyphen as 「-」, so that 2021‑2025年 is a range; drops a soft hyphen; reads fields by their result', () => {
    const body = '<w:p><w:r><w:t>我镇2021</w:t><w:noBreakHyphen/><w:t>2025年规划实施良好，Infor</w:t><w:softHyphen/><w:t>mation</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:p>';
    const text = read(body);
    assert.equal(text, '我镇2021-2025年规划实施良好，Information3注');
    const years = figureRows(parseReport(`某镇2023年法治政府建设年度报告\n一、主要举措\n${text}`)).filter((f) => f.unit === '年');
    assert.deepEqual(years.map((f) => [f.value, f.upper]), [[2021, 2025]]);
  });

  it('matches elements by namespace: a default namespace, another prefix, Strict Open XML', () => {
    const NUMBERING = numbering(HEADINGS, num(1, 0));
    const unprefixed = `<?xml version="1.0"?><document xmlns="${W_NS}"><body><p><pPr><numPr><ilvl val="0"/><numId val="1"/></numPr></pPr><r><t>总体情况</t></r></p></body></document>`;
    assert.equal(extractDocxText(storedDocx({ 'word/document.xml': unprefixed, 'word/numbering.xml': NUMBERING })), '一、总体情况');
    const otherPrefix = documentXml(p('主要问题', numPr(1, 0))).replace(/w:/g, 'wp:').replace('xmlns:w=', 'xmlns:wp=');
    assert.equal(extractDocxText(storedDocx({ 'word/document.xml': otherPrefix, 'word/numbering.xml': NUMBERING })), '一、主要问题');
    const strict = documentXml(p('严格格式')).replace(W_NS, 'http://purl.oclc.org/ooxml/wordprocessingml/main');
    assert.equal(extractDocxText(storedDocx({ 'word/document.xml': strict })), '严格格式');
    // Same local names in another namespace are not Word's.
    const foreign = documentXml(`<x:p xmlns:x="urn:other"><x:r><x:t>不是正文</x:t></x:r></x:p>${p('正文')}`);
    assert.equal(extractDocxText(storedDocx({ 'word/document.xml': foreign })), '正文');
  });

  it('finds the main part, its styles and its numbering through the package’s relationships', () => {
    const rels = (...targets: [type: string, target: string][]) => '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      targets.map(([type, target], i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`).join('') +
      '</Relationships>';
    const parts = {
      '_rels/.rels': rels(['extended-properties', 'docProps/app.xml'], ['officeDocument', '/content/main%20part.xml']),
      'content/main part.xml': documentXml(p('总体情况', pStyle('Heading1')) + p('主要问题', numPr(1, 0))),
      'content/_rels/main part.xml.rels': rels(['styles', '../shared/looks.xml'], ['numbering', 'lists.xml']),
      'shared/looks.xml': styles(style('paragraph', 'Heading1', `<w:pPr>${numPr(1, 0)}</w:pPr>`)),
      'content/lists.xml': numbering(HEADINGS, num(1, 0)),
      // Parts at the usual names that the relationships do not point to are not read.
      'word/document.xml': documentXml(p('不是这个文档')),
    };
    assert.equal(extractDocxText(storedDocx(parts)), '一、总体情况\n二、主要问题');
    const missing = { ...parts, '_rels/.rels': rels(['officeDocument', 'word/main.xml']) };
    assert.throws(() => extractDocxText(storedDocx(missing)), (e: DocxError) => e.message === 'the main document part word/main.xml is missing' && e.zh === '缺少正文部分 word/main.xml');
    assert.throws(() => extractDocxText(storedDocx({ 'word/document.xml': `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>` })),
      /word\/document\.xml is not a Word document body \(its root element is \?:workbook\)/);
  });
});
