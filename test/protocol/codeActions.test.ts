// Quick fixes, fix-all, settings, the project file and ignoring a finding — through the real server over
// stdio, with a report on disk in a temporary workspace, as an editor would use them.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/fixes';
import { TestClient } from '../helpers/lsp-client';
import { seedText } from '../helpers/seeds';

const SEED = seedText('003');
const RENUMBERED_LINES = [36, 44, 52, 60, 68, 74];
const isDuplicate = (d: Diagnostic) => d.code === 'numbering-duplicate';
const hasDuplicate = (p: PublishDiagnosticsParams) => p.diagnostics.some(isDuplicate);

/** The edits of a code action's workspace edit for `uri`, checked to be for `version`. */
function editsOf(action: CodeAction, uri: string, version: number): TextEdit[] {
  const change = action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  assert.ok(change, `${action.title}: a versioned document change`);
  assert.equal(change.textDocument.uri, uri);
  assert.equal(change.textDocument.version, version);
  return change.edits as TextEdit[];
}

/** Line numbers where two texts differ (both split on any line break; the counts must agree). */
function changedLines(before: string, after: string): number[] {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  assert.equal(b.length, a.length, 'no line added or removed');
  return a.map((line, i) => (line === b[i] ? -1 : i)).filter((i) => i >= 0);
}

describe('code actions, configuration and ignoring over stdio', () => {
  let client: TestClient;
  let workspace: string;
  let init: any;
  let counter = 0;

  /** A fresh copy of seed 003 in the workspace, opened; resolves with its first diagnostics. */
  async function openReport(text = SEED): Promise<{ uri: string; file: string; diagnostics: Diagnostic[] }> {
    counter++;
    const file = path.join(workspace, 'reports', `2021年法治政府建设年度报告-${counter}.txt`);
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    await client.open(uri, text, 'govreport');
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    return { uri, file, diagnostics: published.diagnostics };
  }

  async function change(uri: string, version: number, text: string): Promise<PublishDiagnosticsParams> {
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return client.diagnostics(uri, (p) => p.version === version);
  }

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ws-'));
    fs.mkdirSync(path.join(workspace, 'reports'));
    client = new TestClient();
    init = await client.initialize('zh-cn', { workspaceFolder: workspace });
  });
  after(async () => {
    if (client.stderr) console.error(client.stderr);
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });
  afterEach(async () => {
    // Each test starts from default settings and no project file.
    fs.rmSync(path.join(workspace, '.govreport.json'), { force: true });
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('announces code actions (quick fix and source.fixAll.govreport) and the ignore command, and watches .govreport.json', async () => {
    assert.deepEqual(init.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.govreport']);
    assert.deepEqual(init.capabilities.executeCommandProvider.commands, ['govreport.ignoreFinding']);
    const watch = await client.until(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'file watcher registered');
    assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: '**/.govreport.json' }] });
    await client.until(() => client.registrations.find((r) => r.method === 'workspace/didChangeConfiguration'), 'configuration changes registered');
  });

  it('the quick fix of the second 「三、」 renumbers lines 37–75 to 四…九 and changes nothing else', async () => {
    const { uri, diagnostics } = await openReport();
    const duplicate = diagnostics.find(isDuplicate)!;
    assert.ok(duplicate, 'numbering-duplicate is reported');
    assert.equal(duplicate.range.start.line, 36);
    assert.deepEqual(duplicate.data, { version: 1, index: diagnostics.indexOf(duplicate) });

    const actions = await client.codeActions(uri, duplicate.range, [duplicate]);
    const renumber = actions.find((a) => a.edit);
    assert.ok(renumber, 'a quick fix with an edit');
    assert.equal(renumber.title, '从第37行起重新编号（至第75行）');
    assert.equal(renumber.kind, 'quickfix');
    assert.equal(renumber.isPreferred, true);
    assert.deepEqual(renumber.diagnostics, [duplicate]);

    const fixed = applyEdits(SEED, editsOf(renumber, uri, 1));
    assert.deepEqual(changedLines(SEED, fixed), RENUMBERED_LINES);
    const before = SEED.split('\n');
    const after = fixed.split('\n');
    assert.deepEqual(RENUMBERED_LINES.map((i) => after[i].slice(0, 2)), ['四、', '五、', '六、', '七、', '八、', '九、']);
    for (const i of RENUMBERED_LINES) assert.equal(after[i].slice(1), before[i].slice(1), `line ${i + 1}: only the numeral`);

    const republished = await change(uri, 2, fixed);
    assert.ok(!hasDuplicate(republished), 'the diagnostic is gone after the fix');
    const others = (ds: Diagnostic[]) => ds.filter((d) => !isDuplicate(d)).map((d) => [d.code, d.range.start.line, d.message]);
    assert.deepEqual(others(republished.diagnostics), others(diagnostics), 'every other diagnostic stays as it was');
  });

  it('offers 「忽略此问题」 next to the fix, and nothing for a stale version or an unknown document', async () => {
    const { uri, diagnostics } = await openReport();
    const duplicate = diagnostics.find(isDuplicate)!;
    const actions = await client.codeActions(uri, duplicate.range, [duplicate]);
    const ignore = actions.find((a) => a.command);
    assert.equal(ignore?.title, '忽略此问题（记录在 .govreport.json）');
    assert.equal(ignore?.command?.command, 'govreport.ignoreFinding');
    assert.deepEqual(ignore?.command?.arguments, [{ uri, rule: 'numbering-duplicate', text: '三、', line: 37 }]);

    await change(uri, 2, SEED.replace('一、高度重视', '一、始终高度重视'));
    assert.deepEqual(await client.codeActions(uri, duplicate.range, [duplicate]), [], 'diagnostic of version 1 against version 2');
    assert.deepEqual(await client.codeActions('file:///nowhere/report.txt', duplicate.range, [duplicate]), []);
    const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } };
    assert.deepEqual(await client.codeActions(uri, nowhere, [{ ...duplicate, range: nowhere, data: { version: 2, index: 9999 } }]), [], 'no such finding');
  });

  it('source.fixAll.govreport applies every preferred fix at once; applied again it finds nothing to do', async () => {
    const { uri, diagnostics } = await openReport();
    assert.ok(diagnostics.some((d) => d.code === 'numbering-style'));
    assert.deepEqual(await client.codeActions(uri, diagnostics[0].range, [], ['quickfix']), [], 'not offered as a quick fix');
    const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.govreport');
    assert.equal(actions[0].title, '修正所有可自动修正的问题（GovReport）');
    const fixed = applyEdits(SEED, editsOf(actions[0], uri, 1));
    const changed = changedLines(SEED, fixed);
    for (const i of RENUMBERED_LINES) assert.ok(changed.includes(i), `line ${i + 1} renumbered`);
    const lines = fixed.split('\n');
    for (const i of changed) assert.match(lines[i], /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/, `line ${i + 1}: only heading numbers change`);
    const republished = await change(uri, 2, fixed);
    assert.ok(!republished.diagnostics.some((d) => d.code === 'numbering-duplicate' || d.code === 'numbering-style'));
    assert.deepEqual(await client.codeActions(uri, diagnostics[0].range, [], ['source.fixAll.govreport']), [], 'nothing left to fix');
  });

  it('follows the govreport settings: severity per rule, off, and English messages', async () => {
    const { uri } = await openReport();
    let mark = client.mark();
    await client.changeSettings('govreport', { rules: { 'numbering-duplicate': 'warning' }, locale: 'en', profile: 'auto' });
    const warned = await client.diagnostics(uri, hasDuplicate, 10_000, mark);
    const duplicate = warned.diagnostics.find(isDuplicate)!;
    assert.equal(duplicate.severity, 2);
    assert.match(duplicate.message as string, /^Heading number/);
    const actions = await client.codeActions(uri, duplicate.range, [duplicate]);
    assert.deepEqual(actions.map((a) => a.title), ['Renumber from line 37 (to line 75)', 'Ignore this finding (recorded in .govreport.json)']);

    mark = client.mark();
    await client.changeSettings('govreport', { rules: { 'numbering-duplicate': 'off' } });
    const off = await client.diagnostics(uri, (p) => !hasDuplicate(p), 10_000, mark);
    assert.ok(off.diagnostics.length > 0, 'the other rules still report');
    assert.match(off.diagnostics[0].message as string, /[\u4e00-\u9fff]/, 'back to Chinese');
  });

  it('follows .govreport.json, which wins over the settings, and notices it change', async () => {
    const { uri } = await openReport();
    const configFile = path.join(workspace, '.govreport.json');
    let mark = client.mark();
    await client.changeSettings('govreport', { rules: { 'numbering-duplicate': 'error' } });
    await client.diagnostics(uri, hasDuplicate, 10_000, mark);

    mark = client.mark();
    fs.writeFileSync(configFile, JSON.stringify({ rules: { 'numbering-duplicate': 'off' }, profile: 'none' }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 1 }] });
    const silenced = await client.diagnostics(uri, (p) => !hasDuplicate(p), 10_000, mark);
    assert.ok(!silenced.diagnostics.some((d) => d.code === 'missing-section'), "the file's profile 'none' applies too");

    mark = client.mark();
    fs.rmSync(configFile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configFile).href, type: 3 }] });
    const back = await client.diagnostics(uri, hasDuplicate, 10_000, mark);
    assert.ok(back.diagnostics.some((d) => d.code === 'missing-section'));
  });

  it('reports a broken .govreport.json to the user and goes on with the settings', async () => {
    const configFile = path.join(workspace, '.govreport.json');
    fs.writeFileSync(configFile, '{ "rules": { "numbering-dup": "off" } }');
    const { diagnostics } = await openReport();
    assert.ok(diagnostics.some(isDuplicate));
    const shown = await client.until(() => client.messages.find((m) => m.message.includes('numbering-dup')), 'a message naming the unknown rule');
    assert.equal(shown.type, 2, 'a warning');
    assert.match(shown.message, /配置文件中有以下问题/);
    assert.match(shown.message, /未知的规则“numbering-dup”/);
  });

  it('govreport.ignoreFinding records the finding in .govreport.json, silences it, and it stays silenced when lines move', async () => {
    const { uri, file, diagnostics } = await openReport();
    const duplicate = diagnostics.find(isDuplicate)!;
    const ignore = (await client.codeActions(uri, duplicate.range, [duplicate])).find((a) => a.command)!;
    const mark = client.mark();
    const result = await client.executeCommand(ignore.command!.command, ignore.command!.arguments!);
    const configFile = path.join(workspace, '.govreport.json');
    assert.deepEqual(result, { configPath: configFile, added: true });
    assert.deepEqual(JSON.parse(fs.readFileSync(configFile, 'utf8')), {
      ignore: [{ rule: 'numbering-duplicate', file: `reports/${path.basename(file)}`, text: '三、', line: 37 }],
    });
    const silenced = await client.diagnostics(uri, (p) => !hasDuplicate(p), 10_000, mark);
    const others = (ds: Diagnostic[]) => ds.filter((d) => !isDuplicate(d)).map((d) => [d.code, d.range.start.line, d.message]);
    assert.deepEqual(others(silenced.diagnostics), others(diagnostics), 'only that finding is silenced');
    assert.equal(fs.readFileSync(file, 'utf8'), SEED, 'the report itself is untouched');

    const moved = await change(uri, 2, '新增的一段说明。\n\n' + SEED);
    assert.ok(!hasDuplicate(moved), 'still silenced two lines further down');
    const other = await openReport();
    assert.ok(other.diagnostics.some(isDuplicate), 'another report keeps its own finding');
  });
});
