// missing-section: every item the profile mandates must be in the report. One finding per missing item,
// on the title, in the regulation's wording; the fix inserts the section's skeleton where it belongs. An item
// only touched on in passing (第一责任人 in one clause of a 成效 subsection) is there, but not as an item: a warning.
import type { Fix, Message, Rule, TextEdit } from '../findings';
import { templateTableLines } from '../model/gov-info-template';
import { standardMarker } from '../model/numbering';
import type { Heading, ReportModel } from '../model/types';
import type { Profile, ProfileItem } from '../profiles/types';
import type { SectionMatch } from '../profiles/match';
import { DUCHA_2019, GOV_INFO_FORMAT_2021 } from './shared/sources';
import { digitsEdit } from './shared/siblings';
import { endOfLine, fillYears, lineBreak, reportAnchor, usesBlankLines } from './shared/text';

export const missingSection: Rule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: { zh: '报告缺少法定必备内容', en: 'A mandated section is missing from the report' },
  sources: [DUCHA_2019, GOV_INFO_FORMAT_2021],
  reportsOnly: true,
  check({ model, profile, sections, report }) {
    if (!profile) return;
    const matches = sections();
    const anchor = reportAnchor(model);
    // A user's own profile cites no regulation: its name says what it requires.
    const cite = profile.sources[0]?.cite ?? profile.name.zh;
    for (const s of matches) {
      if (s.present && !(s.via === 'body' && s.inPassing)) continue;
      const name = s.item.name;
      const fix = insertSkeletonFix(model, profile, matches, s.item);
      if (s.present) {
        const first = s.mentions[0];
        const place = placeOf(model, first.start.line);
        const more = s.mentions.length > 1 ? { zh: `等${s.mentions.length}处`, en: ` and ${s.mentions.length - 1} more place(s)` } : { zh: '', en: '' };
        report({
          severity: 'warning',
          range: anchor,
          message: {
            zh: `“${name.zh}”没有单独成项，只在第${first.start.line + 1}行（${place.zh}）${more.zh}提及：规定要求将其作为一项内容单独报告（${cite}）`,
            en: `${name.en} is not reported as an item of its own, only mentioned on line ${first.start.line + 1} (${place.en})${more.en}; the regulation asks for it as an item (${cite})`,
          },
          related: s.mentions.map((range) => ({ range, message: { zh: '仅在此处提及', en: 'mentioned only here' } })),
          fixes: fix ? [fix] : undefined,
        });
        continue;
      }
      report({
        severity: s.item.required ? undefined : 'hint',
        range: anchor,
        message: s.item.required
          ? { zh: `缺少“${name.zh}”（${cite}）`, en: `Missing section: ${name.en} (${cite})` }
          : { zh: `可补充“${name.zh}”；如无，可写“无”（${cite}）`, en: `Consider adding: ${name.en}, or state that there is none (${cite})` },
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};

/** Where a line stands, for a message: 「一（三）“加强统筹谋划”」, or the opening. */
function placeOf(model: ReportModel, line: number): Message {
  const p = model.paragraphs.find((x) => x.line === line);
  const h = p ? p.section : model.headings.find((x) => x.line === line)?.parent;
  if (!h) return { zh: '导语', en: 'the opening' };
  const path: string[] = [];
  for (let t: Heading | undefined = h; t; t = t.parent) path.unshift(standardMarker(t.level, t.number.value).replace(/、$/, ''));
  return { zh: `${path.join('')}“${h.title}”`, en: `under ${path.join('')} ${h.title}` };
}

/** The level-1 heading a match lives under. */
function topOf(h: Heading): Heading {
  let t = h;
  while (t.parent) t = t.parent;
  return t;
}

function insertSkeletonFix(model: ReportModel, profile: Profile, matches: SectionMatch[], item: ProfileItem): Fix | undefined {
  const fill = (s: string) => fillYears(model, s);
  const roots = model.roots.filter((h) => h.level === 1);
  const order = profile.items.map((i) => i.id);
  const index = order.indexOf(item.id);
  // After the last present item that comes before this one in the regulation's order…
  let after: Heading | undefined;
  for (const m of matches) {
    if (!m.present || order.indexOf(m.item.id) >= index || m.headings.length === 0) continue;
    for (const h of m.headings) {
      const top = topOf(h);
      if (top.level === 1 && (!after || top.line > after.line)) after = top;
    }
  }
  // …else before the first level-1 heading, or after the opening.
  const position = after ? roots.indexOf(after) + 1 : 0;
  const number = position + 1;
  const br = lineBreak(model);
  const gap = usesBlankLines(model) ? br + br : br;
  // A section that is a table gets the template's table, every value 0, for the writer to fill in.
  const body = item.skeleton.table ? templateTableLines(item.skeleton.table).join(br) : fill(item.skeleton.paragraph);
  const block = `${standardMarker(1, number)}${fill(item.skeleton.heading)}${gap}${body}`;
  const edits: TextEdit[] = [];
  if (after) {
    edits.push({ range: rangeAt(endOfLine(model, after.sectionRange.end.line)), newText: gap + block });
  } else if (roots.length > 0) {
    edits.push({ range: rangeAt({ line: roots[0].line, character: roots[0].range.start.character }), newText: block + gap });
  } else {
    const last = model.opening[model.opening.length - 1]?.line ?? model.title?.range.end.line;
    if (last === undefined) return undefined;
    edits.push({ range: rangeAt(endOfLine(model, last)), newText: gap + block });
  }
  // The level-1 headings after the new one move up by one.
  for (let i = position; i < roots.length; i++) if (roots[i].number.value !== i + 2) edits.push(digitsEdit(roots[i], i + 2));
  return {
    title: { zh: `插入“${item.name.zh}”部分`, en: `Insert the section: ${item.name.en}` },
    edits,
    preferred: false,
  };
}

function rangeAt(p: { line: number; character: number }) {
  return { start: p, end: p };
}
