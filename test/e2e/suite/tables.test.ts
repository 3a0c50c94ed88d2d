// End-to-end: a 政府信息公开工作年度报告 with tables in a real VS Code — the outline shows its six sections with
// 表二/表三/表四 under 二/三/四, a cell hovers with its row and column, and a changed cell is one table-sum error at
// that cell. The runners put the corpus report in the workspace as gov-info/pingtan-2021.txt (copyWorkspace in
// bundle-suite.mjs); the edits stay in memory and are reverted, so the copy on disk stays as the corpus has it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { repoRoot, requestScreenshot, waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';
const REPORT = ['gov-info', 'pingtan-2021.txt'] as const;
const FIXTURE = ['test', 'fixtures', 'corpus', 'gov-info', 'pingtan-2021.txt'] as const;

/** What the server says, in its two languages: English when VS Code's display language is, Chinese otherwise. */
const TEXTS = {
  zh: {
    tables: ['表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 政府信息公开行政复议、行政诉讼情况'],
    reviewsTotal: '表四 行政复议：结果维持1＋结果纠正0＋其他结果2＋尚未审结0＝3，总计为0（差3）',
    disclosedRow: '表三 “（一）予以公开”行：',
    hover: ['**27** · 表三 收到和处理政府信息公开申请情况', '- 行：（一）予以公开', '- 列：自然人', '✓ 表三 “（一）予以公开”行：', '✓ 表三 自然人列：'],
  },
  en: {
    tables: ['Table 2: information disclosed proactively', 'Table 3: requests for disclosure received and handled', 'Table 4: administrative reconsideration and litigation'],
    reviewsTotal: 'Table 4, administrative reconsideration: upheld 1 + corrected 0 + other outcome 2 + pending 0 = 3, but total is 0 (off by 3)',
    disclosedRow: 'Table 3, row “(1) disclosed”: ',
    hover: ['**27** · Table 3: requests for disclosure received and handled', '- Row: (1) disclosed', '- Column: natural persons', '✓ Table 3, row “(1) disclosed”:', '✓ Table 3, column “natural persons”:'],
  },
};
/** The server's choice of language (pickLocale in server.ts): English for an English VS Code, else Chinese. */
const texts = () => (vscode.env.language.toLowerCase().startsWith('en') ? TEXTS.en : TEXTS.zh);

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govreport');
const key = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character}`).sort().join(' ');

async function reportUri(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runners open a copy of seeds/ with gov-info/ in it)');
  const uri = vscode.Uri.joinPath(folder.uri, ...REPORT);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    assert.fail(`${REPORT.join('/')} is not in the workspace folder ${folder.uri.toString()} (copyWorkspace in bundle-suite.mjs puts it there)`);
  }
  return uri;
}

/** The range of the `index`-th TAB-separated cell of `line` (0-based), checked to read `expected`. */
function cellRange(document: vscode.TextDocument, line: number, index: number, expected: string): vscode.Range {
  const cells = document.lineAt(line).text.split('\t');
  const start = cells.slice(0, index).join('\t').length + (index > 0 ? 1 : 0);
  const range = new vscode.Range(line, start, line, start + cells[index].length);
  assert.strictEqual(document.getText(range), expected, `cell ${index} of line ${line + 1}`);
  return range;
}

function lineStarting(document: vscode.TextDocument, prefix: string): number {
  const line = document.getText().split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  assert.ok(line >= 0, `no line starts with 「${prefix}」`);
  return line;
}

describe('Tables of a 政府信息公开 report (平潭 2021) in VS Code', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  let onDisk: Uint8Array;
  let symbols: vscode.DocumentSymbol[];
  /** The findings on the report as published: what the diagnostics come back to after each revert. */
  let baseline: vscode.Diagnostic[];

  /** Shows the report and reverts it (in memory; nothing is ever saved), then waits for its findings as published. */
  async function revert(): Promise<void> {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the report to be reverted', () => (!document.isDirty ? true : undefined));
    await waitFor('the findings of the report as published', () => (key(ours(uri)) === key(baseline) ? true : undefined));
  }

  /** Replaces `range` with `text` through a WorkspaceEdit; returns the table-sum errors once they come. */
  async function change(range: vscode.Range, text: string): Promise<vscode.Diagnostic[]> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, range, text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the workspace edit was not applied');
    assert.ok(document.isDirty);
    // The report as published has no table-sum finding: the first that come are of the edited text.
    return waitFor('a table-sum diagnostic after the edit', () => {
      const sums = ours(uri).filter((d) => codeOf(d) === 'table-sum');
      return sums.length > 0 ? sums : undefined;
    });
  }

  before(async function () {
    this.timeout(90_000);
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { ready: Promise<void> };
    await api.ready;
    uri = await reportUri();
    onDisk = await vscode.workspace.fs.readFile(uri);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    // Asked for before the waits, so that a run whose outline never comes still leaves a picture of it.
    requestScreenshot({
      name: 'tables',
      view: 'outline',
      waitForText: texts().tables[1],
      prepare: async () => {
        const report = await vscode.workspace.openTextDocument(await reportUri());
        const editor = await vscode.window.showTextDocument(report, { preview: false });
        // The editor from section 二 on, the cursor in 表三.
        const requests = lineStarting(report, '（本列数据的勾稽关系');
        editor.selection = new vscode.Selection(requests, 0, requests, 0);
        editor.revealRange(new vscode.Range(lineStarting(report, '二、'), 0, lineStarting(report, '二、'), 0), vscode.TextEditorRevealType.AtTop);
      },
    });
    symbols = await waitFor('the language server to provide document symbols for the report', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
      return result && result.length > 0 ? result : undefined;
    }, 30_000, 200);
    baseline = await waitFor('the findings of the report', () => {
      const ds = ours(uri);
      return ds.length > 0 ? ds : undefined;
    });
  });

  after(async () => {
    // Safety net for a failed test: the report is never left edited.
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('shows the six sections in the outline, 表二/表三/表四 as array symbols under 二/三/四, no table row as a symbol', () => {
    assert.deepStrictEqual(symbols.map((s) => s.detail), ['一、', '二、', '三、', '四、', '五、', '六、']);
    const tables = symbols.flatMap((s) => (s.children ?? []).filter((c) => c.kind === vscode.SymbolKind.Array).map((c) => [s.detail, c.name]));
    const [proactive, requests, reviews] = texts().tables;
    assert.deepStrictEqual(tables, [['二、', proactive], ['三、', requests], ['四、', reviews]]);
    // 表三 spans from its header to its last row, and is shown at its first row.
    const table3 = symbols[2].children!.find((c) => c.kind === vscode.SymbolKind.Array)!;
    assert.strictEqual(table3.range.start.line, lineStarting(document, '（本列数据的勾稽关系'));
    assert.strictEqual(table3.range.end.line, lineStarting(document, '四、结转下年度继续办理'));
    assert.ok(table3.range.contains(table3.selectionRange));
    const all: vscode.DocumentSymbol[] = [];
    const walk = (ss: readonly vscode.DocumentSymbol[]): void => {
      for (const s of ss) {
        all.push(s);
        walk(s.children ?? []);
      }
    };
    walk(symbols);
    for (const s of all) {
      if (s.kind === vscode.SymbolKind.Array) assert.deepStrictEqual(s.children ?? [], [], `table ${s.name} has children`);
      else assert.ok(!document.lineAt(s.selectionRange.start.line).text.includes('\t'), `a table row became a symbol: ${s.detail}${s.name}`);
    }
  });

  it('has no numbering or table-sum finding on the report as published', () => {
    const wrong = baseline.filter((d) => codeOf(d).startsWith('numbering-') || codeOf(d) === 'table-sum');
    assert.deepStrictEqual(key(wrong), '', baseline.map((d) => `${codeOf(d)}: ${d.message}`).join('\n'));
  });

  it('hovering a 表三 cell shows its table, row, column, value and the equations it is in', async () => {
    const line = lineStarting(document, '三、本年度办理结果');
    const cell = cellRange(document, line, 2, '27'); // （一）予以公开 · 自然人
    const position = cell.start.translate(0, 1);
    const [hover, text] = await waitFor('a GovReport hover on the cell', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      for (const h of hovers ?? []) {
        const value = h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
        if (value.includes(texts().hover[0])) return [h, value] as const;
      }
      return undefined;
    });
    for (const expected of texts().hover) assert.ok(text.includes(expected), `the hover lacks 「${expected}」:\n${text}`);
    assert.ok(hover.range?.isEqual(cell), `hover range ${JSON.stringify(hover.range)}`);
  });

  it('a changed 表四 total (行政复议 总计 3 → 0) is one table-sum error at that cell, its four terms related', async function () {
    this.timeout(60_000);
    const line = document.getText().split(/\r?\n/).findIndex((l) => /^\d+\t\d+\t/.test(l));
    assert.ok(line >= 0, 'no row of numbers (表四) in the report');
    const total = cellRange(document, line, 4, '3');
    const sums = await change(total, '0');
    assert.strictEqual(sums.length, 1, sums.map((d) => d.message).join('\n'));
    const [sum] = sums;
    assert.strictEqual(sum.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(sum.range.isEqual(total), `range ${JSON.stringify(sum.range)}`);
    assert.strictEqual(sum.message, texts().reviewsTotal);
    const terms = [['1', 0], ['0', 1], ['2', 2], ['0', 3]] as const;
    assert.deepStrictEqual(
      (sum.relatedInformation ?? []).map((r) => [r.location.uri.toString(), r.location.range.start.line, r.location.range.start.character]),
      terms.map(([value, i]) => [uri.toString(), line, cellRange(document, line, i, value).start.character]),
    );
    await revert();
  });

  it('a changed 表三 cell (（一）予以公开 · 自然人 27 → 28) is one table-sum error at that cell', async function () {
    this.timeout(60_000);
    const line = lineStarting(document, '三、本年度办理结果');
    const cell = cellRange(document, line, 2, '27');
    const sums = await change(cell, '28');
    assert.strictEqual(sums.length, 1, sums.map((d) => d.message).join('\n'));
    const [sum] = sums;
    assert.strictEqual(sum.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(sum.range.isEqual(new vscode.Range(line, cell.start.character, line, cell.start.character + 2)), `range ${JSON.stringify(sum.range)}`);
    assert.ok(sum.message.startsWith(texts().disclosedRow), sum.message);
    // The row's 总计 (its last cell) is among the cells the error points to.
    const rowTotal = document.lineAt(line).text.lastIndexOf('\t') + 1;
    assert.ok(
      (sum.relatedInformation ?? []).some((r) => r.location.range.start.line === line && r.location.range.start.character === rowTotal),
      JSON.stringify(sum.relatedInformation?.map((r) => r.location.range.start)),
    );
    await revert();
  });

  it('leaves the report as the corpus has it, in the editor and on disk', async () => {
    const fixture = fs.readFileSync(path.join(repoRoot, ...FIXTURE));
    assert.strictEqual(document.isDirty, false);
    assert.strictEqual(document.getText(), fixture.toString('utf8'));
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(uri)).equals(fixture), 'the copy on disk changed');
    assert.ok(Buffer.from(onDisk).equals(fixture), 'the copy was not the corpus report to begin with');
  });
});
