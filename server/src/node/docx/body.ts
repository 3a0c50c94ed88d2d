// The main part as text, one Word paragraph per line, as Word shows the document with its tracked changes
// accepted and hidden text not shown. A table is one line per row with TAB between cells, a merged cell
// written once, on its first row: the text a table pasted from a web page gives, so that the core reads both
// with one table reader. A text box's paragraphs follow the line of the paragraph it is anchored in.

import { DocxError } from './error';
import { Numberer, type Numbering, type Styles } from './numbering';
import { attribute, isOn, readXml } from './xml';
import { shownName } from './zip';

/** Where finished paragraphs and rows go: the body's lines, a cell, or the paragraph a text box is in. */
interface Sink {
  line(text: string): void;
  /** The text of paragraphs whose mark is gone (deleted, moved away, hidden): it runs into the next paragraph. */
  carry: string;
  cell?: Cell;
  /** Inside a cell a vertical merge covers: not read, not numbered. */
  skipped: boolean;
}

/** A cell of the row being read: its text so far, and whether it continues a merge from the row above. */
interface Cell {
  text: string;
  continuation: boolean;
}

interface Paragraph {
  sink: Sink;
  text: string;
  style?: string;
  numId?: string;
  ilvl?: number;
  /** Known once the paragraph's properties are. */
  label?: string;
  /** The paragraph mark is a tracked deletion or move: accepted, the paragraph joins the next and has no number. */
  markGone: boolean;
  /**
   * The paragraph mark is hidden (directly, else by the paragraph style): the paragraph shows as part of the
   * next, its number counted but not shown. Undefined until its properties say.
   */
  markHidden?: boolean;
  /** Lines of the text boxes anchored in it. */
  boxes: string[];
  skipped: boolean;
}

interface Run {
  style?: string;
  hidden?: boolean;
  visible?: boolean;
}

/** A table read as rows; null for a table nested in a cell, which is read into that cell. */
type Table = { sink: Sink; row?: string[]; rowGone: boolean } | null;

/** Former properties kept by tracked changes, ruby guide text, a content control's settings: not shown. */
const NOT_SHOWN = new Set([
  'w:pPrChange', 'w:rPrChange', 'w:tcPrChange', 'w:trPrChange', 'w:tblPrChange', 'w:tblGridChange', 'w:sectPrChange',
  'w:numberingChange', 'w:rt', 'w:sdtPr', 'w:sdtEndPr',
]);

/** The lines of the main part `bytes`; at most `maxChars` characters of text are made. */
export function documentLines(part: string, bytes: Uint8Array, styles: Styles, numbering: Numbering, maxChars: number): string[] {
  const numberer = new Numberer(numbering, styles);
  const out: string[] = [];
  let made = 0;
  const grow = (n: number) => {
    made += n;
    if (made > maxChars) throw new DocxError(`正文超过 ${characters(maxChars).zh}的上限`, `the text is longer than the limit of ${characters(maxChars).en}`);
  };
  const body: Sink = { line: (s) => out.push(s), carry: '', skipped: false };
  const sinks: Sink[] = [body];
  const paragraphs: Paragraph[] = [];
  const runs: Run[] = [];
  const tables: Table[] = [];
  /** What closing each open element does, innermost last. */
  const closers: ((() => void) | undefined)[] = [];
  let inText = 0;

  const sink = () => sinks[sinks.length - 1];
  const paragraph = (): Paragraph | undefined => paragraphs[paragraphs.length - 1];
  const table = (): Table | undefined => tables[tables.length - 1];
  const flush = (s: Sink) => {
    if (s.carry) s.line(s.carry);
    s.carry = '';
  };

  const ensureLabel = (p: Paragraph) => {
    if (p.label !== undefined) return;
    p.label = '';
    const style = p.style ?? styles.defaultParagraph;
    p.markHidden ??= styles.lookup(style, (s) => s.hidden) ?? false;
    if (p.skipped || p.markGone) return;
    const numId = p.numId ?? styles.lookup(style, (s) => s.numId);
    // numId 0 switches numbering off, also a style's.
    if (numId === undefined || numId === '0') return;
    const label = numberer.label(numId, p.ilvl ?? styles.lookup(style, (s) => s.ilvl), style);
    grow(label.length);
    if (!p.markHidden) p.label = label;
  };

  const endParagraph = (p: Paragraph) => {
    if (p.skipped) return;
    ensureLabel(p);
    const s = p.sink;
    if (p.markGone || p.markHidden) {
      s.carry += p.text;
    } else {
      s.line(p.label + s.carry + p.text);
      s.carry = '';
    }
    for (const line of p.boxes) s.line(line);
  };

  const visible = (): boolean => {
    const run = runs[runs.length - 1];
    const p = paragraph();
    if (!run || !p || p.skipped) return false;
    // Direct formatting, then the character style, then the paragraph style.
    run.visible ??= !(run.hidden ?? styles.lookup(run.style, (s) => s.hidden) ?? styles.lookup(p.style ?? styles.defaultParagraph, (s) => s.hidden) ?? false);
    return run.visible;
  };
  const add = (text: string) => {
    if (!visible()) return;
    grow(text.length);
    paragraph()!.text += text;
  };

  readXml(part, bytes, {
    open(e, path) {
      const parent = path[path.length - 1];
      const grandparent = path[path.length - 2];
      let closer: (() => void) | undefined;
      if (path.length === 0 && e.key !== 'w:document') {
        const shown = shownName(part);
        throw new DocxError(`${shown} 不是 Word 正文（根元素为 ${shownName(e.key)}）`, `${shown} is not a Word document body (its root element is ${shownName(e.key)})`);
      }
      if (NOT_SHOWN.has(e.key)) return false;
      switch (e.key) {
        case 'w:del':
        case 'w:moveFrom':
          // In a paragraph mark's or a row's properties it marks them; around runs, it holds what is gone.
          if (parent === 'w:rPr' && grandparent === 'w:pPr' && paragraph()) paragraph()!.markGone = true;
          else if (parent === 'w:trPr' && table()) table()!.rowGone = true;
          else return false;
          break;
        case 'w:p': {
          const s = sink();
          paragraphs.push({ sink: s, text: '', markGone: false, boxes: [], skipped: s.skipped || !!s.cell?.continuation });
          closer = () => endParagraph(paragraphs.pop()!);
          break;
        }
        case 'w:pPr':
          if (parent === 'w:p') closer = () => ensureLabel(paragraph()!);
          break;
        case 'w:pStyle':
          if (parent === 'w:pPr' && paragraph()) paragraph()!.style = attribute(e, 'val');
          break;
        case 'w:numId':
          if (parent === 'w:numPr' && grandparent === 'w:pPr' && paragraph()) {
            const value = attribute(e, 'val');
            if (value !== undefined && /^\d{1,9}$/.test(value)) paragraph()!.numId = String(Number(value));
          }
          break;
        case 'w:ilvl':
          if (parent === 'w:numPr' && grandparent === 'w:pPr' && paragraph()) {
            const value = attribute(e, 'val');
            if (value !== undefined && /^[0-8]$/.test(value)) paragraph()!.ilvl = Number(value);
          }
          break;
        case 'w:vanish':
          if (parent !== 'w:rPr') break;
          if (grandparent === 'w:pPr' && paragraph()) paragraph()!.markHidden = isOn(e);
          else if (grandparent === 'w:r' && runs.length > 0) runs[runs.length - 1].hidden = isOn(e);
          break;
        case 'w:rStyle':
          if (parent === 'w:rPr' && grandparent === 'w:r' && runs.length > 0) runs[runs.length - 1].style = attribute(e, 'val');
          break;
        case 'w:r':
          runs.push({});
          closer = () => runs.pop();
          break;
        case 'w:t':
          if (parent !== 'w:r') break;
          inText++;
          closer = () => inText--;
          break;
        case 'w:tab':
        case 'w:ptab':
          if (parent === 'w:r') add('\t');
          break;
        case 'w:br':
          if (parent === 'w:r' && attribute(e, 'type') !== 'page') add('\n');
          break;
        case 'w:cr':
          if (parent === 'w:r') add('\n');
          break;
        case 'w:noBreakHyphen':
          // A hyphen where the line must not break: 「2021‑2025年」 is a range, and the core reads ranges with 「-」.
          if (parent === 'w:r') add('-');
          break;
        case 'w:txbxContent': {
          const host = paragraph();
          if (host) ensureLabel(host);
          const outer = sink();
          const box: Sink = host
            ? { line: (s) => host.boxes.push(s), carry: '', skipped: host.skipped }
            : { line: (s) => outer.line(s), carry: '', skipped: outer.skipped };
          sinks.push(box);
          closer = () => flush(sinks.pop()!);
          break;
        }
        case 'w:tbl': {
          const s = sink();
          tables.push(s.cell ? null : { sink: s, rowGone: false });
          closer = () => tables.pop();
          break;
        }
        case 'w:tr': {
          const t = table();
          if (!t) break;
          t.row = [];
          t.rowGone = false;
          closer = () => {
            // A row whose every cell continues a merge has nothing to show: no line (a blank one could end the table).
            if (t.row && t.row.length > 0 && !t.rowGone) t.sink.line(t.row.join('\t'));
            t.row = undefined;
          };
          break;
        }
        case 'w:tc': {
          const t = table();
          if (!t || !t.row) break;
          const row = t.row;
          const cell: Cell = { text: '', continuation: false };
          const s: Sink = {
            // A merged-over cell is not read: it holds an empty paragraph, or what the merge hid.
            line: (text) => { if (!cell.continuation) cell.text = appendToCell(cell.text, text); },
            carry: '',
            cell,
            skipped: false,
          };
          sinks.push(s);
          closer = () => {
            flush(sinks.pop()!);
            if (!cell.continuation) row.push(cell.text);
          };
          break;
        }
        case 'w:vMerge':
        case 'w:hMerge': {
          const cell = sink().cell;
          // Without 「restart」 (w:vMerge alone, or 「continue」), the cell continues the one above or before it.
          if (parent === 'w:tcPr' && table() && cell) cell.continuation = attribute(e, 'val') !== 'restart';
          break;
        }
        case 'w:body':
          closer = () => flush(body);
          break;
      }
      closers.push(closer);
    },
    close() {
      closers.pop()?.();
    },
    text(text) {
      if (inText > 0) add(text);
    },
  });
  flush(body);
  return out;
}

function characters(n: number): { zh: string; en: string } {
  return n >= 1e6 ? { zh: `${Math.round(n / 1e4)} 万字`, en: `${Math.round(n / 1e6)} million characters` } : { zh: `${n} 字`, en: `${n} characters` };
}

/**
 * A cell's paragraphs (and line breaks) on the row's one line. They are joined with nothing between Chinese
 * characters: a cell's paragraphs are mostly one label broken for the column's width (「（二）部分公开」 over
 * 「（区分处理的，只计这一情形，不计其他情形）」, 「商业」 over 「企业」), and Chinese puts no space between words.
 * Between Latin letters or digits a space keeps words and numbers apart: 「1」 over 「2」 must not read as 12.
 * A TAB in a cell becomes a space, as TAB separates the cells.
 */
function appendToCell(cellText: string, paragraph: string): string {
  let joined = cellText;
  for (const line of paragraph.split('\n')) {
    const piece = line.replace(/\t/g, ' ').trim();
    if (piece.length === 0) continue;
    const spaced = joined.length > 0 && !isWide(joined.charCodeAt(joined.length - 1)) && !isWide(piece.charCodeAt(0));
    joined += (spaced ? ' ' : '') + piece;
  }
  return joined;
}

/** Chinese characters and punctuation, kana, full-width forms (and whatever lies above them). */
function isWide(c: number): boolean {
  return c >= 0x2e80;
}
