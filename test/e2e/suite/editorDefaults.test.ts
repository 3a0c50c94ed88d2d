// End-to-end: a report in the report language reads as Chinese prose in the editor. VS Code's defaults are made for
// code: every full-width comma, bracket and colon got a yellow "could be confused with ASCII" box (28 in a fresh
// skeleton), lines ran off the screen, and a double-click or Ctrl+→ took a whole paragraph as one word.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

describe('The report language’s editor settings in VS Code', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('no unicode highlight boxes, word wrap on, words that stop at full-width punctuation', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'govreport' });
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(editor.get('unicodeHighlight.invisibleCharacters'), false);
    assert.strictEqual(editor.get('wordWrap'), 'on');
    const separators = editor.get<string>('wordSeparators')!;
    for (const mark of '，。、；：？！“”‘’（）《》【】—') assert.ok(separators.includes(mark), `${mark} separates words`);
    assert.strictEqual(editor.get('wordBasedSuggestions'), 'off');
    // Other languages keep VS Code's defaults.
    assert.notStrictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'javascript' }).get('unicodeHighlight.ambiguousCharacters'), false);
  });

  it('Ctrl+→ in a report moves by a word, not to the end of the paragraph', async function () {
    this.timeout(30_000);
    const line = '一、2023年推进法治政府建设的主要举措和成效，全年办理行政复议案件12件（含调解3件）：均已办结。';
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: `${line}\n` });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 6, 0, 6); // after 「一、2023」
    await vscode.commands.executeCommand('cursorWordEndRight');
    const stop = await waitFor('the cursor to move', () => (editor.selection.active.character > 6 ? editor.selection.active.character : undefined));
    assert.ok(stop <= line.indexOf('，'), `stopped at ${stop}: 「${line.slice(6, stop)}」, not past the comma at ${line.indexOf('，')}`);
  });
});
