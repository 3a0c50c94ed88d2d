// A saved web page of a 政务公开 column, made from a report's text (one paragraph per line, tables one row per
// line with TAB between cells, a merged cell written on its first row only — the corpus's form): the site's
// header with its navigation, a breadcrumb, the article with its title, 发布日期 and 来源 line, paragraphs
// indented with &nbsp;, and the tables as HTML tables with rowspan and colspan laid out as the template
// (国办公开办函〔2021〕30号) lays them out (report-tables.ts); then related links, 【打印】【关闭】 and the
// site's footer.
import { encodeReport } from '../../server/src/node/files';
import { blocksOf, layoutTable } from './report-tables';

/** Everything of the page that is the site, not the report: none of it may reach the extracted text. */
export const SITE_TEXT = [
  '平潭综合实验区管理委员会', '网站首页', '互动交流', '办事服务', '数据开放', '走进平潭', '专题专栏', '无障碍浏览', '长者模式', '请输入关键字', '搜索',
  '机构职能', '政府信息公开指南', '统计代码',
  '您当前的位置', '政府信息公开年报', '浏览次数', '字号', '打印本页', '关闭窗口', '相关链接', '平潭综合实验区2020年度政府信息公开工作年度报告',
  '版权所有', '网站标识码', '闽ICP备', '闽公网安备', '主办单位', '联系电话', '网站地图', 'document.write',
];

const NAV = ['网站首页', '政务公开', '政策解读', '互动交流', '办事服务', '数据开放', '走进平潭', '专题专栏', '无障碍浏览', '长者模式', 'English'];
const SUBNAV = ['机构职能', '政策文件', '规划计划', '财政资金', '重点领域', '政府信息公开年报', '政府信息公开指南', '依申请公开', '人事信息', '统计信息'];

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
  const out = layoutTable(rows).map((cells) => `<tr>${cells.map((c) => cell(c.text, c.rowspan, c.colspan)).join('')}</tr>`);
  return `<table border="1" cellspacing="0" style="border-collapse:collapse" width="100%"><tbody>\n${out.join('\n')}\n</tbody></table>`;
}

/** The report's paragraphs and tables as the article's HTML. */
function articleHtml(lines: string[]): string {
  const out: string[] = [];
  for (const block of blocksOf(lines)) {
    if ('table' in block) {
      out.push(tableHtml(block.table));
      continue;
    }
    const line = block.paragraph;
    if (/^[一二三四五六七八九十]+、/.test(line)) {
      out.push(`<p style="text-indent:2em"><strong>${escape(line)}</strong></p>`);
    } else if (line.length > 60) {
      // Long paragraphs as CMS editors save them: an indent of &nbsp;, the source wrapped mid-sentence, between
      // two Chinese characters, where a browser shows no space either.
      let at = 40;
      while (at < line.length - 1 && !(isChinese(line[at - 1]) && isChinese(line[at]))) at++;
      out.push(`<p style="text-indent:2em">&nbsp;&nbsp;&nbsp;&nbsp;${escape(line.slice(0, at))}\n\t\t${escape(line.slice(at))}</p>`);
    } else {
      out.push(`<p>\u3000\u3000${escape(line)}</p>`);
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
