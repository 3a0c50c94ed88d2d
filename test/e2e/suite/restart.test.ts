// End-to-end: if the language server process dies, the client starts it again and diagnostics come back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const EXTENSION_ID = 'govreport.govreport';

/** The language server processes this extension host started (Linux: read from /proc). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/dist[\\/]server\.js/.test(cmdline)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('Language server restart in VS Code', () => {
  it('comes back after its process is killed, and checks edits again', async function () {
    this.timeout(90_000);
    if (process.platform !== 'linux') this.skip();
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: '某县人民政府关于2024年度法治政府建设情况的报告\n\n一、总体情况\n正文。\n\n二、存在的问题\n正文。\n' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const [before] = await waitFor('the language server process', () => (serverPids().length === 1 ? serverPids() : undefined));
    await waitFor('the first diagnostics', () => (vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'govreport') ? true : undefined));

    process.kill(before, 'SIGKILL');
    const [after] = await waitFor('a new language server process', () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== before ? pids : undefined;
    }, 30_000);
    assert.notStrictEqual(after, before);

    // An edit the new server must see: a second 「二、」.
    await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), '二、重复的序号\n'));
    await waitFor('diagnostics from the restarted server', () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'numbering-duplicate') ? true : undefined, 30_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
