// PDFs with a real text layer, made in the tests with pdfkit and a CJK font of the system's fonts-noto-cjk
// (a subset embedded, so pdf.js reads the text as a viewer shows it). Reused by the reader's unit tests, the
// benchmark and the integration tests of other formats.
//
// API
// - `cjkFont()`: the path of the font, or a clear error (hasCjkFont() says whether it is there).
// - `drawPdf(pages, options)`: pages of text placed by hand: each `Placed` is drawn at (x, y) from the page's top
//   left, in points, with an optional size and character spacing (spread-out, justified text).
// - `layoutReport(blocks, options)`: a report laid out as a writer's word processor would: A4 (or `page`), a
//   title, headings, paragraphs indented two characters, justified and broken over lines and pages, tables with
//   borders and cells at column positions (labels wrapped in their cell, values centred), optional running
//   header and page numbers 「- N -」. Returns the PDF and, for each page, the blocks' text that starts on it.
// - `reportBlocks(text)`: a report's text (one paragraph per line, table rows with TAB between cells, as the
//   corpus files are) as blocks for layoutReport; the tables of a 政府信息公开 report are laid out as the template
//   lays them out (labels by their level in three label columns, values in their columns, header cells over the
//   columns they name).
//   With `mergedHeaders`, 表三's header is laid out with its merged cells as the template prints it.
// - `reportPdf(text, options)`: layoutReport(reportBlocks(text, options), options).
// - `songtiPdf(lines)`: lines in a Chinese font the file names but does not embed (STSong-Light, encoding
//   UniGB-UCS2-H), as older Word and WPS exports write them: readable only with the predefined CMaps. Written by
//   hand, no font needed.
// - `inflatingPdf(mb)`: one page whose content stream is `mb` MB of blanks, deflated (a "zip bomb": a small
//   file that inflates to a large one).
// - `scanPdf()`: a page holding only an image (a scan, no text layer); `encryptedPdf()`: a report with a password.
// - `pdfBytes(doc-building function)`: the bytes of a pdfkit document built by the function.

import * as fs from 'fs';
import * as zlib from 'zlib';
import PDFDocument from 'pdfkit';

export const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face of the collection: Simplified Chinese. */
export const CJK_FONT_FACE = 'NotoSansCJKsc-Regular';

export function hasCjkFont(): boolean {
  return fs.existsSync(CJK_FONT_FILE);
}

/** The CJK font's path; without fonts-noto-cjk (installed by scripts/setup-system.sh), an error that says so. */
export function cjkFont(): string {
  if (!hasCjkFont()) {
    throw new Error(`${CJK_FONT_FILE} is missing: install the Debian package fonts-noto-cjk (bash scripts/setup-system.sh)`);
  }
  return CJK_FONT_FILE;
}

/**
 * For a suite that needs the font: skipped, with the reason, where the font is missing on a developer's machine;
 * failed in CI (CI=true), where scripts/setup-system.sh must have installed it.
 */
export function requireCjkFont(context: Mocha.Context): void {
  if (hasCjkFont()) return;
  if (process.env.CI === 'true') cjkFont();
  context.skip();
}

type Doc = PDFKit.PDFDocument;

/** The bytes of a pdfkit document made by `build` (fixed dates, so the same input gives the same bytes). */
export function pdfBytes(build: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { CreationDate: new Date(0), ModDate: new Date(0) }, ...options });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    try {
      doc.registerFont('cjk', cjkFont(), CJK_FONT_FACE);
      build(doc);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}

export interface Placed {
  text: string;
  /** Drawn turned by this many degrees (clockwise on the page) about the page's centre. */
  rotate?: number;
  x: number;
  /** The top of the text, from the page's top. */
  y: number;
  size?: number;
  characterSpacing?: number;
}

export interface PageOptions {
  /** [width, height] in points; A4 by default. */
  page?: [number, number];
}

export const A4: [number, number] = [595.28, 841.89];

/** Pages of text placed by hand. */
export function drawPdf(pages: Placed[][], options: PageOptions = {}): Promise<Uint8Array> {
  return pdfBytes((doc) => {
    for (const items of pages) {
      doc.addPage({ size: options.page ?? A4, margin: 0 });
      doc.font('cjk');
      for (const p of items) drawText(doc, p);
    }
  });
}

function drawText(doc: Doc, p: Placed): void {
  if (p.rotate) doc.save().rotate(p.rotate, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc.fontSize(p.size ?? 12).text(p.text, p.x, p.y, { lineBreak: false, characterSpacing: p.characterSpacing ?? 0 });
  if (p.rotate) doc.restore();
}

/** A cell of a laid-out table: its text and the columns it covers (from `column`, `span` of them). */
export interface TableCellSpec {
  text: string;
  column: number;
  span?: number;
  /** Values are centred in their cell; labels start at its left. */
  align?: 'left' | 'center';
  /** Down this many rows (a merged cell); its text is written one character per line when `vertical`. */
  rows?: number;
  vertical?: boolean;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** `spread`: every line drawn with this character spacing (in points), as a word processor spreads a line. */
  | { kind: 'paragraph'; text: string; spread?: number }
  | { kind: 'line'; text: string; align?: 'left' | 'center' | 'right' }
  | { kind: 'table'; widths: number[]; rows: TableCellSpec[][]; size?: number };

export interface LayoutOptions extends PageOptions {
  margin?: number;
  fontSize?: number;
  /** A running header printed at the top of every page but the first. */
  header?: string;
  /** Page numbers 「- N -」 at the bottom of every page. */
  pageNumbers?: boolean;
}

/** A report laid out on pages; `pages` holds, for each page, the text of the lines drawn on it (for debugging). */
export async function layoutReport(blocks: readonly Block[], options: LayoutOptions = {}): Promise<Uint8Array> {
  const [width, height] = options.page ?? A4;
  const margin = options.margin ?? 56;
  const size = options.fontSize ?? 12;
  const pitch = size * 1.5;
  return pdfBytes((doc) => {
    let pageNo = 0;
    let y = 0;
    const newPage = () => {
      // The furniture is drawn in its own size; what was being drawn goes on in the size it had.
      const drawing = (doc as unknown as { _fontSize: number })._fontSize;
      doc.addPage({ size: [width, height], margin: 0 });
      doc.font('cjk');
      pageNo++;
      if (options.header && pageNo > 1) {
        doc.fontSize(9);
        doc.text(options.header, (width - doc.widthOfString(options.header)) / 2, margin / 2 - 4, { lineBreak: false });
        doc.moveTo(margin, margin / 2 + 8).lineTo(width - margin, margin / 2 + 8).lineWidth(0.5).stroke();
      }
      if (options.pageNumbers) {
        const label = `- ${pageNo} -`;
        doc.fontSize(10).text(label, (width - doc.widthOfString(label)) / 2, height - margin / 2 - 6, { lineBreak: false });
      }
      doc.fontSize(drawing);
      y = margin;
    };
    const room = (h: number) => {
      if (y + h > height - margin) newPage();
    };
    newPage();
    const textWidth = width - 2 * margin;
    for (const block of blocks) {
      switch (block.kind) {
        case 'title': {
          doc.fontSize(size * 1.5);
          for (const line of breakLines(doc, block.text, textWidth, 0)) {
            room(size * 2.2);
            doc.text(line, (width - doc.widthOfString(line)) / 2, y, { lineBreak: false });
            y += size * 2.2;
          }
          y += size * 0.5;
          break;
        }
        case 'heading':
        case 'paragraph': {
          doc.fontSize(size);
          const indent = 2 * size;
          const spread = block.kind === 'paragraph' ? block.spread : undefined;
          const lines = breakLines(doc, block.text, textWidth, indent, spread ?? 0);
          lines.forEach((line, k) => {
            room(pitch);
            const x = margin + (k === 0 ? indent : 0);
            const available = textWidth - (k === 0 ? indent : 0);
            const last = k === lines.length - 1;
            // Justified: every line but the last spread to the right edge, as a word processor does.
            const chars = [...line].length;
            const slack = available - doc.widthOfString(line);
            const characterSpacing = spread ?? (!last && chars > 1 && block.kind === 'paragraph' ? slack / (chars - 1) : 0);
            doc.text(line, x, y, { lineBreak: false, characterSpacing });
            y += pitch;
          });
          break;
        }
        case 'line': {
          doc.fontSize(size);
          room(pitch);
          const w = doc.widthOfString(block.text);
          const x = block.align === 'center' ? (width - w) / 2 : block.align === 'right' ? width - margin - w : margin;
          doc.text(block.text, x, y, { lineBreak: false });
          y += pitch;
          break;
        }
        case 'table':
          y = drawTable(doc, block, margin, y, height - margin, newPage, () => y);
          break;
      }
    }
  });
}

/**
 * A paragraph's lines: as many characters as fit the width (the first line `indent` narrower), a run of Latin
 * letters and digits kept whole (「2021」 is never broken), as a word processor breaks Chinese text.
 */
function breakLines(doc: Doc, text: string, width: number, indent: number, spacing = 0): string[] {
  const units = text.match(/[A-Za-z0-9.,%\-]+|[\s\S]/g) ?? [];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const unit of units) {
    const w = doc.widthOfString(unit) + spacing * [...unit].length;
    const available = width - (lines.length === 0 ? indent : 0);
    if (line.length > 0 && lineWidth + w > available) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    line += unit;
    lineWidth += w;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

const CELL_PAD = 4;

/** Draws a table from `top`, a row at a time (a new page when a row does not fit); returns the y below it. */
function drawTable(doc: Doc, table: Extract<Block, { kind: 'table' }>, left: number, top: number, bottom: number, newPage: () => void, currentY: () => number): number {
  const size = table.size ?? 8;
  const pitch = size * 1.3;
  doc.fontSize(size);
  const xs = [left];
  for (const w of table.widths) xs.push(xs[xs.length - 1] + w);
  const cellWidth = (c: TableCellSpec) => xs[c.column + (c.span ?? 1)] - xs[c.column] - 2 * CELL_PAD;
  // Each row's lines: the most lines any of its cells (not merged down) wraps into.
  const wrapped = table.rows.map((row) => row.map((c) => (c.vertical ? [...c.text] : breakLines(doc, c.text, cellWidth(c), 0))));
  const rowHeights = table.rows.map((row, r) => {
    const lines = Math.max(1, ...row.map((c, k) => (c.rows && c.rows > 1 ? 1 : wrapped[r][k].length)));
    return lines * pitch + 2 * CELL_PAD;
  });
  return drawRows(doc, table, xs, wrapped, rowHeights, size, pitch, top + 6, bottom, newPage, currentY);
}

function drawRows(
  doc: Doc, table: Extract<Block, { kind: 'table' }>, xs: number[], wrapped: string[][][], rowHeights: number[], size: number,
  pitch: number, top: number, bottom: number, newPage: () => void, currentY: () => number,
): number {
  let y = top;
  for (let r = 0; r < table.rows.length; r++) {
    // A cell merged down several rows keeps them on one page.
    const together = Math.max(1, ...table.rows[r].map((c) => c.rows ?? 1));
    let needed = 0;
    for (let d = 0; d < together && r + d < table.rows.length; d++) needed += rowHeights[r + d];
    if (y + needed > bottom) {
      newPage();
      y = currentY();
    }
    doc.fontSize(size);
    const rowTop = y;
    for (let k = 0; k < table.rows[r].length; k++) {
      const cell = table.rows[r][k];
      const down = Math.min(cell.rows ?? 1, table.rows.length - r);
      let cellHeight = 0;
      for (let d = 0; d < down; d++) cellHeight += rowHeights[r + d];
      const x0 = xs[cell.column];
      const x1 = xs[cell.column + (cell.span ?? 1)];
      doc.rect(x0, rowTop, x1 - x0, cellHeight).lineWidth(0.5).stroke();
      const lines = wrapped[r][k];
      // A merged cell's text is centred down the rows it covers; other cells' text starts at the top.
      const textTop = down > 1 ? rowTop + (cellHeight - lines.length * pitch) / 2 : rowTop + CELL_PAD;
      lines.forEach((line, n) => {
        const w = doc.widthOfString(line);
        const x = cell.align === 'center' || cell.vertical ? x0 + (x1 - x0 - w) / 2 : x0 + CELL_PAD;
        doc.text(line, x, textTop + n * pitch, { lineBreak: false });
      });
    }
    y += rowHeights[r];
  }
  return y + 6;
}

/** 「一、」 1, 「（一）」 2, 「1.」 3: the label column of 表三 a label stands in. */
function labelLevel(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 0;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label)) return 1;
  if (/^[0-9]+[.．、]/.test(label)) return 2;
  return 0;
}

const NUMBER = /^[-+]?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?%?$/;

/**
 * A report's text as blocks: the first line the title, a line with a heading number a heading, a line of TAB
 * cells a table row (rows in a run are one table), other lines paragraphs (short lines without a full stop
 * between table rows, such as 「第二十条第（一）项」, are drawn as lines of their own).
 */
export function reportBlocks(text: string, options: BlockOptions = {}): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === 0) {
      blocks.push({ kind: 'title', text: line });
    } else if (line.includes('\t')) {
      let end = i;
      while (end < lines.length && lines[end].includes('\t')) end++;
      blocks.push(tableBlock(lines.slice(i, end).map((l) => l.split('\t')), options));
      i = end - 1;
    } else if (line.trim().length === 0) {
      continue;
    } else if (/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(line) && !line.includes('。') && line.length <= 40) {
      blocks.push({ kind: 'heading', text: line });
    } else if (line.length <= 30 && !/[。，]/.test(line) && ((lines[i - 1] ?? '').includes('\t') || (lines[i + 1] ?? '').includes('\t'))) {
      // A caption between parts of a table (「第二十条第（一）项」).
      blocks.push({ kind: 'line', text: line, align: 'center' });
    } else {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  return blocks;
}

/** Label columns of a laid-out table, and the width of each value column. */
const LABEL_WIDTHS = [80, 80, 113];
/** The narrowest value column; a table of few columns spreads them over the width. */
const VALUE_WIDTH = 30;
const TABLE_WIDTH = 483;

/**
 * Rows of TAB cells as a table: the values of a data row in the last columns, its labels in the label columns of
 * their level (each spanning to the next label or the values); a header row's cells over the columns it heads.
 */
function tableBlock(rows: string[][], options: BlockOptions): Extract<Block, { kind: 'table' }> {
  const isValue = (t: string) => NUMBER.test(t.trim()) || t.trim() === '';
  const trailingValues = (cells: string[]) => {
    let n = 0;
    while (n < cells.length && isValue(cells[cells.length - 1 - n])) n++;
    return n;
  };
  const dataRows = rows.filter((r) => r.some((c) => NUMBER.test(c.trim())));
  const values = Math.max(1, ...dataRows.map((r) => Math.min(trailingValues(r), r.length - (r.length > 1 && !isValue(r[0]) ? 1 : 0))));
  const hasLabels = rows.some((r) => r.length > values);
  const labelColumns = hasLabels ? LABEL_WIDTHS.length : 0;
  const labelsWidth = hasLabels ? LABEL_WIDTHS.reduce((a, b) => a + b, 0) : 0;
  const valueWidth = Math.max(VALUE_WIDTH, Math.min(90, (TABLE_WIDTH - labelsWidth) / values));
  const widths = [...(hasLabels ? LABEL_WIDTHS : []), ...new Array(values).fill(valueWidth)];
  const labelSpan = (from: number, to: number) => Math.max(1, to - from);
  const specs = rows.map((cells): TableCellSpec[] => {
    const data = cells.some((c) => NUMBER.test(c.trim()));
    if (data) {
      const vals = cells.slice(cells.length - values);
      const labels = cells.slice(0, cells.length - values);
      const out: TableCellSpec[] = [];
      const starts = labels.map((l, k) => Math.max(labelLevel(l), k === 0 ? 0 : labelLevel(labels[k - 1]) + 1));
      labels.forEach((l, k) => out.push({ text: l, column: starts[k], span: labelSpan(starts[k], k + 1 < labels.length ? starts[k + 1] : labelColumns) }));
      vals.forEach((v, k) => { if (v.trim() !== '') out.push({ text: v.trim(), column: labelColumns + k, align: 'center' }); });
      return out;
    }
    // A header row: a long first cell over the label columns, the rest over the value columns.
    const out: TableCellSpec[] = [];
    let rest = cells;
    if (hasLabels && (cells.length === values + 1 || cells[0].length > 8)) {
      out.push({ text: cells[0], column: 0, span: labelColumns });
      rest = cells.slice(1);
    }
    if (rest.length === values) {
      rest.forEach((c, k) => out.push({ text: c, column: labelColumns + k, align: 'center' }));
    } else if (rest.length === values - 2) {
      // Under a header cell that spans all but the first and last columns (法人或其他组织 over five).
      rest.forEach((c, k) => out.push({ text: c, column: labelColumns + 1 + k, align: 'center' }));
    } else if (rest.length === 1) {
      out.push({ text: rest[0], column: labelColumns, span: values, align: 'center' });
    } else if (rest.length > 0) {
      // First and last a column each, the middle ones sharing the others.
      const middle = rest.length - 2;
      const share = Math.max(1, Math.floor((values - 2) / Math.max(1, middle)));
      out.push({ text: rest[0], column: labelColumns, align: 'center' });
      for (let k = 0; k < middle; k++) out.push({ text: rest[k + 1], column: labelColumns + 1 + k * share, span: share, align: 'center' });
      out.push({ text: rest[rest.length - 1], column: labelColumns + values - 1, align: 'center' });
    }
    return out;
  });
  if (options.mergedHeaders) mergeRequestsHeader(rows, specs, labelColumns);
  return { kind: 'table', widths, rows: specs };
}

/**
 * 表三's header as the template prints it: the note merged down the three header rows, 自然人 and 总计 down two,
 * 法人或其他组织 over the five columns of its third row.
 */
function mergeRequestsHeader(rows: string[][], specs: TableCellSpec[][], labels: number): void {
  const [first, second, third] = rows;
  if (!first?.[0].startsWith('（本列数据') || first.length !== 2 || second?.join('|') !== '自然人|法人或其他组织|总计' || third?.length !== 5) return;
  const centred = (text: string, column: number, extra: Partial<TableCellSpec> = {}): TableCellSpec => ({ text, column, align: 'center', ...extra });
  specs[0] = [{ text: first[0], column: 0, span: labels, rows: 3 }, centred(first[1], labels, { span: 7 })];
  specs[1] = [centred('自然人', labels, { rows: 2 }), centred('法人或其他组织', labels + 1, { span: 5 }), centred('总计', labels + 6, { rows: 2 })];
  specs[2] = third.map((text, k) => centred(text, labels + 1 + k));
}

export interface BlockOptions {
  /** Lay out 表三's header with its merged cells, as the template prints it (else one header row per line). */
  mergedHeaders?: boolean;
}

/** layoutReport(reportBlocks(text)). */
export function reportPdf(text: string, options: LayoutOptions & BlockOptions = {}): Promise<Uint8Array> {
  return layoutReport(reportBlocks(text, options), options);
}

/** A one-page scan: a grey image and no text. */
export function scanPdf(): Promise<Uint8Array> {
  const png = greyPng(200, 280);
  return pdfBytes((doc) => {
    doc.addPage({ size: A4, margin: 0 });
    doc.image(png, 40, 40, { width: 500 });
  });
}

/** A report that opens only with a password. */
export function encryptedPdf(): Promise<Uint8Array> {
  return pdfBytes((doc) => {
    doc.addPage({ size: A4, margin: 0 });
    doc.font('cjk').fontSize(12).text('一、总体情况', 60, 60, { lineBreak: false });
  }, { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
}

/** A grey PNG (stripes, so that it compresses like a page, not like nothing). */
function greyPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (y % 20 < 2 || x % 37 < 1) ? 40 : 235;
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * One page of `lines` (at 12 pt, 24 pt apart from the top) in STSong-Light, not embedded, through the predefined
 * CMap UniGB-UCS2-H: the text is UCS-2 codes that only the CMaps turn into characters. The file is written
 * object by object, with its cross-reference table.
 */
export function songtiPdf(lines: readonly string[]): Uint8Array {
  const ucs2 = (text: string) => [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = lines.map((line, k) => `BT /F1 12 Tf 1 0 0 1 60 ${780 - 24 * k} Tm <${ucs2(line)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** One page whose content stream inflates to `mb` MB of blanks; the file is about a thousandth of that. */
export function inflatingPdf(mb: number): Uint8Array {
  const stream = zlib.deflateSync(Buffer.alloc(mb * 2 ** 20, 0x20), { level: 9 });
  const latin1 = (s: string) => Buffer.from(s, 'latin1');
  const objects = [
    latin1('<< /Type /Catalog /Pages 2 0 R >>'),
    latin1('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    latin1('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'),
    Buffer.concat([latin1(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, latin1('\nendstream')]),
  ];
  const parts: Buffer[] = [latin1('%PDF-1.4\n')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(length);
    const object = Buffer.concat([latin1(`${k + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(latin1(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}
