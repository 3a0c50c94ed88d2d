// unheaded-section: a mandated part written on without a heading of its own. Reports often end the last 成效
// section and carry on: 「一年来，……取得了一定成效，但也存在一些不足：……」, then 「2024年，我镇将重点做好以下工作：」 with
// its own （一）–（五）, all still under 「四、」. The parts are there: missing-section does not call them missing and the
// numbering rules leave the restarted list alone; what is wrong is one missing heading, and the fix inserts it.
// 厅字〔2019〕28号 (the items a report must have); GB/T 9704-2012 §7.3.3 (一、 opens a part, （一） a point within it).
import type { Fix, Message, Rule, TextEdit } from '../findings';
import { standardMarker } from '../model/numbering';
import type { Heading, ReportModel } from '../model/types';
import type { UnheadedPart } from '../profiles/unheaded';
import { digitsEdit } from './shared/siblings';
import { DUCHA_2019, GBT_9704_HEADINGS } from './shared/sources';
import { fillYears, lineBreak, usesBlankLines } from './shared/text';

export const unheadedSection: Rule = {
  id: 'unheaded-section',
  defaultSeverity: 'warning',
  description: { zh: '法定内容接在上一部分之后，没有自己的一级标题', en: 'A mandated part carries on under the previous section, without a heading of its own' },
  sources: [DUCHA_2019, GBT_9704_HEADINGS],
  reportsOnly: true,
  check({ model, profile, sections, report }) {
    if (!profile) return;
    const parts = sections().flatMap((s) => (s.unheaded ? [s.unheaded] : []));
    for (const part of parts) {
      // The parts written into one section get their headings together: 「五、」 for the 不足, 「六、」 for the plan.
      const group = parts.filter((p) => p.within === part.within);
      const headings = newHeadings(model, group);
      const own = headings[group.indexOf(part)];
      // The list after the paragraphs belongs to the last part that precedes it.
      const ownsList = !group.some((q) => q.list === part.list && q.paragraph.line > part.paragraph.line);
      const restart = ownsList && part.restarts ? part.list : undefined;
      report({
        range: part.range,
        message: {
          zh: `此段起是“${part.item.name.zh}”，却没有自己的标题，仍在“${label(part.within)}”之下` +
            (restart ? `，其后第${restart.line + 1}行起重新编号的“${restart.number.raw}”等各项也属于这一部分` : '') +
            `：应在此段前加一级标题“${own}”`,
          en: `This paragraph starts the ${part.item.name.en} but has no heading of its own and stays under “${label(part.within)}”` +
            (restart ? `; the list restarting at ${restart.number.raw} on line ${restart.line + 1} belongs to it too` : '') +
            `. Add a level-1 heading before it: “${own}”`,
        },
        related: restart ? [{ range: restart.number.range, message: { zh: '这一部分的编号从此重新开始', en: 'this part’s numbering starts here' } }] : undefined,
        fixes: [insertHeadingsFix(model, group, headings)],
      });
    }
  },
};

/** How a section is named in a message: its marker and the start of its title. */
function label(h: Heading): string {
  const title = h.title.length > 16 ? `${h.title.slice(0, 16)}……` : h.title;
  return `${h.number.raw}${title}`;
}

/** The level-1 headings the parts lack, numbered on from the section they were written into. */
function newHeadings(model: ReportModel, group: UnheadedPart[]): string[] {
  const roots = model.roots.filter((h) => h.level === 1);
  const first = roots.indexOf(group[0].within) + 2;
  return group.map((p, k) => `${standardMarker(1, first + k)}${fillYears(model, p.item.skeleton.heading)}`);
}

/** Inserts each part's heading on a line of its own before its paragraph, and moves the later level-1 headings on. */
function insertHeadingsFix(model: ReportModel, group: UnheadedPart[], headings: string[]): Fix {
  const br = lineBreak(model);
  const gap = usesBlankLines(model) ? br + br : br;
  const edits: TextEdit[] = group.map((p, k) => {
    const at = { line: p.paragraph.line, character: 0 };
    return { range: { start: at, end: at }, newText: headings[k] + gap };
  });
  const roots = model.roots.filter((h) => h.level === 1);
  const position = roots.indexOf(group[0].within) + 1;
  for (let i = position; i < roots.length; i++) {
    const value = i + 1 + group.length;
    if (roots[i].number.value !== value) edits.push(digitsEdit(roots[i], value));
  }
  const title: Message = {
    zh: `插入标题${headings.map((h) => `“${h}”`).join('')}`,
    en: `Insert the heading${headings.length > 1 ? 's' : ''} ${headings.map((h) => `“${h}”`).join(' ')}`,
  };
  return { title, edits, preferred: false };
}
