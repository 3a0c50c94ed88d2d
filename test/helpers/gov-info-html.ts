// A saved web page of a 政务公开 column, made from a report's text (one paragraph per line, tables one row per
// line with TAB between cells, a merged cell written on its first row only — the corpus's form): the site's
// header with its navigation, a breadcrumb, the article with its title, 发布日期 and 来源 line, paragraphs
// indented with &nbsp;, and the tables as HTML tables with rowspan and colspan laid out as the template
// (国办公开办函〔2021〕30号) lays them out; then related links, 【打印】【关闭】 and the site's footer.
//
// Row labels are placed by their numbering: 「一、」 in the first label column, 「（一）」 in the second, 「1.」 in
// the third; a row's last label spans the label columns left, and the label of a group spans down the rows of its
// members (rowspan), which therefore do not repeat it — which is how the text has them. Header cells take the
// template's spans (HEADER_SPANS); other rows that are short of cells span their last cell over the rest.
import { encodeReport } from '../../server/src/node/files';

/** Everything of the page that is the site, not the report: none of it may reach the extracted text. */
export const SITE_TEXT = [
  '平潭综合实验区管理委员会', '网站首页', '互动交流', '办事服务', '数据开放', '走进平潭', '专题专栏', '无障碍浏览', '长者模式', '请输入关键字', '搜索',
  '机构职能', '政府信息公开指南', '统计代码',
  '您当前的位置', '政府信息公开年报', '浏览次数', '字号', '打印本页', '关闭窗口', '相关链接', '平潭综合实验区2020年度政府信息公开工作年度报告',
  '版权所有', '网站标识码', '闽ICP备', '闽公网安备', '主办单位', '联系电话', '网站地图', 'document.write',
];

const NAV = ['网站首页', '政务公开', '政策解读', '互动交流', '办事服务', '数据开放', '走进平潭', '专题专栏', '无障碍浏览', '长者模式', 'English'];
const SUBNAV = ['机构职能', '政策文件', '规划计划', '财政资金', '重点领域', '政府信息公开年报', '政府信息公开指南', '依申请公开', '人事信息', '统计信息'];

/** Spans of the template's header cells, by their text (the note cell by its start). */
const HEADER_SPANS: { match: (text: string, row: string[]) => boolean; rowspan?: number; colspan?: number }[] = [
  { match: (t) => t.startsWith('（本列数据'), rowspan: 3, colspan: 3 },
  { match: (t) => t === '申请人情况', colspan: 7 },
  { match: (t, row) => (t === '自然人' || t === '总计') && row.includes('法人或其他组织'), rowspan: 2 },
  { match: (t) => t === '法人或其他组织', colspan: 5 },
  { match: (t) => t === '行政复议', colspan: 5 },
  { match: (t) => t === '行政诉讼', colspan: 10 },
  { match: (t, row) => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].includes(t) && row.includes('未经复议直接起诉'), rowspan: 2 },
  { match: (t) => t === '未经复议直接起诉' || t === '复议后起诉', colspan: 5 },
];

const LABEL_LEVEL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

function levelOf(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 0;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label)) return 1;
  return 2;
}

const isValue = (cell: string) => /^(?:-?\d[\d,.]*|[/—-]?|)$/.test(cell.trim());

const isChinese = (c: string) => /[\u4e00-\u9fa5]/.test(c);

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;');
}

function cell(text: string, rowspan = 1, colspan = 1): string {
  const spans = `${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}`;
  // Narrow header cells break their label over two lines, as template tables do.
  const shown = text.length === 4 && /^[\u4e00-\u9fa5]{4}$/.test(text) ? `${escape(text.slice(0, 2))}<br/>${escape(text.slice(2))}` : escape(text);
  return `<td${spans} style="border:1px solid #000"><p align="center">${shown}</p></td>`;
}

/** A table block of the text as an HTML table. */
export function tableHtml(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const labelled = rows.map((r) => {
    const labels = r.filter((c) => !isValue(c));
    const numbered = labels.length > 0 && labels.length < r.length && labels.every((l) => LABEL_LEVEL.test(l)) && r.slice(labels.length).every(isValue);
    return numbered ? labels.length : 0;
  });
  const labelColumns = Math.max(...rows.map((r, i) => (labelled[i] > 0 ? levelOf(r[labelled[i] - 1]) + 1 : 0)), 0);
  const valueColumns = Math.max(...rows.map((r, i) => (labelled[i] > 0 ? r.length - labelled[i] : 0)), 0);
  const out: string[] = [];
  rows.forEach((row, i) => {
    let html = '';
    if (labelled[i] > 0) {
      row.slice(0, labelled[i]).forEach((label, k, labels) => {
        const level = levelOf(label);
        const colspan = k === labels.length - 1 ? labelColumns - level : 1;
        // A group label spans down over its members: the rows after it that start deeper than it.
        let rowspan = 1;
        if (k < labels.length - 1) {
          while (i + rowspan < rows.length && labelled[i + rowspan] > 0 && levelOf(rows[i + rowspan][0]) > level) rowspan++;
        }
        html += cell(label, rowspan, colspan);
      });
      for (const value of row.slice(labelled[i])) html += cell(value);
    } else if (row.some((c) => HEADER_SPANS.some((s) => s.match(c, row)))) {
      for (const c of row) {
        const s = HEADER_SPANS.find((x) => x.match(c, row));
        html += cell(c, s?.rowspan, s?.colspan);
      }
    } else {
      const total = labelColumns + valueColumns > 0 ? labelColumns + valueColumns : width;
      row.forEach((c, k) => (html += cell(c, 1, k === row.length - 1 ? Math.max(1, total - row.length + 1) : 1)));
    }
    out.push(`<tr>${html}</tr>`);
  });
  return `<table border="1" cellspacing="0" style="border-collapse:collapse" width="100%"><tbody>\n${out.join('\n')}\n</tbody></table>`;
}

/** The report's paragraphs and tables as the article's HTML. */
function articleHtml(lines: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes('\t')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].includes('\t')) rows.push(lines[i++].split('\t'));
      i--;
      out.push(tableHtml(rows));
    } else if (/^[一二三四五六七八九十]+、/.test(lines[i])) {
      out.push(`<p style="text-indent:2em"><strong>${escape(lines[i])}</strong></p>`);
    } else if (lines[i].length > 60) {
      // Long paragraphs as CMS editors save them: an indent of &nbsp;, the source wrapped mid-sentence.
      // Wrapped between two Chinese characters, where a browser shows no space either.
      const line = lines[i];
      let at = 40;
      while (at < line.length - 1 && !(isChinese(line[at - 1]) && isChinese(line[at]))) at++;
      out.push(`<p style="text-indent:2em">&nbsp;&nbsp;&nbsp;&nbsp;${escape(line.slice(0, at))}\n\t\t${escape(line.slice(at))}</p>`);
    } else {
      out.push(`<p>\u3000\u3000${escape(lines[i])}</p>`);
    }
  }
  return out.join('\n');
}

export interface PageOptions {
  /** 「发布日期：…」 as the page prints it. */
  published?: string;
  source?: string;
}

/** The page's HTML (a string: encode it yourself, or use `govInfoPageGbk`). */
export function govInfoPageHtml(reportText: string, charset: string, options: PageOptions = {}): string {
  const [title, ...body] = reportText.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const nav = NAV.map((n, k) => `<li><a href="/col${k}/index.html">${n}</a></li>`).join('');
  const subnav = SUBNAV.map((n, k) => `<li><a href="/zwgk/c${k}/">${n}</a></li>`).join('\n');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<meta name="ArticleTitle" content="${escape(title)}" />
<title>${escape(title)}_政府信息公开年报_平潭综合实验区管理委员会</title>
<link rel="stylesheet" href="/css/style.css" />
<style>.TRS_Editor p { line-height: 2; } body { font-family: "宋体"; }</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script>
</head>
<body>
<div class="top"><div class="logo"><a href="/"><img src="/images/logo.png" alt="平潭综合实验区管理委员会" /></a></div>
<div class="topbar"><a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a> | <a href="/wzdt/">网站地图</a></div>
<form action="/search" method="get"><input type="text" name="q" value="请输入关键字" /><button type="submit">搜索</button></form></div>
<div class="nav"><ul>${nav}</ul></div>
<div class="main">
<div class="left"><h3>政务公开</h3><ul>
${subnav}
</ul></div>
<div class="right">
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgknb/">政府信息公开年报</a></div>
<div class="article">
<h1 class="title">${escape(title)}</h1>
<div class="info"><span>发布日期：${options.published ?? '2022-02-08 16:20'}</span>&nbsp;&nbsp;<span>来源：${options.source ?? '平潭综合实验区管委会办公室'}</span>&nbsp;&nbsp;<span>浏览次数：<script>document.write(1024)</script></span>&nbsp;&nbsp;<span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="TRS_Editor">
${articleHtml(body)}
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/zwgk/zfxxgknb/202102/t1.htm">平潭综合实验区2020年度政府信息公开工作年度报告</a></li><li><a href="/zwgk/zfxxgknb/202002/t2.htm">平潭综合实验区2019年度政府信息公开工作年度报告</a></li></ul></div>
</div></div></div>
<div class="footer"><p>主办单位：平潭综合实验区管理委员会办公室&nbsp;&nbsp;版权所有：平潭综合实验区管理委员会</p>
<p>网站标识码：3501280001&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">闽ICP备12003578号-1</a>&nbsp;&nbsp;<a href="#">闽公网安备 35012802000101号</a></p>
<p>联系电话：0591-00000000&nbsp;&nbsp;地址：福建省平潭综合实验区</p></div>
</body>
</html>
`;
}

/** The page in GBK, as the site serves it and a browser saves it. */
export function govInfoPageGbk(reportText: string, options: PageOptions = {}): Uint8Array {
  return encodeReport(govInfoPageHtml(reportText, 'gbk', options), 'gb18030');
}
