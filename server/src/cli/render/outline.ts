// The output of `outline`: title, year and heading tree of each report, with its findings under --diagnostics.
import type { OutlineNode } from '../../core/index';
import type { Options } from '../args';
import type { Checked } from '../report';
import { lineLabel, renderFindings } from './findings';
import { displayPath, paint, plain } from './style';

export function renderOutlines(checked: Checked[], options: Options): string {
  const en = options.locale === 'en';
  let out = '';
  for (const c of checked) {
    out += paint('1', `== ${displayPath(c.file.path)}`) + '\n';
    if (!c.isReport) {
      out += `  ${en ? 'not recognised as a report' : '未识别为报告'}\n\n`;
      continue;
    }
    out += `${en ? 'Title' : '标题'}: ${c.title !== null ? plain(c.title) : en ? '(none)' : '（无标题）'}\n`;
    const year = c.year ? `${c.year.value}${c.year.source === 'title' ? '' : en ? ' (from the headings)' : '（据标题层次推断）'}` : en ? '(unknown)' : '（未知）';
    out += `${en ? 'Year' : '年度'}: ${year}\n`;
    if (c.pageDetails) out += `${en ? 'Web page' : '网页'}: ${plain(c.pageDetails)}\n`;
    out += `${en ? 'Outline' : '大纲'}:\n`;
    const walk = (nodes: OutlineNode[], depth: number) => {
      for (const n of nodes) {
        // A table reads 「表三 …（25行）」: its detail is a row count, not a number to put in front.
        const label = n.kind === 'table' ? `${n.name}${en ? ` (${n.detail})` : `（${n.detail}）`}` : `${n.detail}${n.name === n.detail ? '' : n.name}`;
        out += `${'  '.repeat(depth + 1)}${plain(label)}  ${paint('2', lineLabel(n.selectionRange.start.line, options.locale, c.pageStarts))}\n`;
        walk(n.children, depth + 1);
      }
    };
    walk(c.outline, 0);
    if (options.diagnostics) {
      out += `${en ? 'Findings' : '问题'}:${c.findings.length === 0 ? (en ? ' none' : ' 无') : ''}\n`;
      out += renderFindings(c.findings, options.locale, c.pageStarts);
    }
    out += '\n';
  }
  return out;
}
