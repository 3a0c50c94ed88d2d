// The client's words: one mechanism (messages.ts over l10n/bundle.l10n.zh-cn.json, not vscode.l10n), every message the
// code uses has its Chinese and every Chinese entry is used, the language follows govreport.locale, and each command
// can be found in the palette by either of its names.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { hasChinese, localeOf, plural, translate } from '../../../client/src/messages';
import { BEFORE_FIRST_HEADING } from '../../../server/src/core/index';

const ROOT = path.resolve(__dirname, '../../..');
const CLIENT = path.join(ROOT, 'client', 'src');
const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function clientSources(): { file: string; text: string }[] {
  return (fs.readdirSync(CLIENT, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(CLIENT, f), 'utf8') }));
}

/** The top-level arguments of the call whose `(` is at `open`, as source text. */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

/** The messages used in the client: string literals where t, tIn, translate and plural take a message. */
function usedMessages(): Map<string, string> {
  const positions: Record<string, number[]> = { t: [0], tIn: [1], translate: [1], plural: [1, 2] };
  const used = new Map<string, string>();
  for (const { file, text } of clientSources()) {
    for (const m of text.matchAll(/\b(t|tIn|translate|plural)\(/g)) {
      const args = argumentsAt(text, m.index! + m[1].length);
      for (const k of positions[m[1]]) {
        const arg = args[k];
        if (arg && /^(['"]).*\1$/s.test(arg)) used.set(Function(`return ${arg}`)() as string, file);
      }
    }
  }
  return used;
}

describe('client messages', () => {
  it('come from one mechanism: no vscode.l10n in the client, no "l10n" bundle for VS Code to load', () => {
    for (const { file, text } of clientSources()) assert.doesNotMatch(text, /vscode\.l10n\.|l10n\.t\(/, file);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.l10n, undefined);
  });

  it('each message the code uses has its Chinese, with the same placeholders; each Chinese entry is used', () => {
    const used = usedMessages();
    assert.ok(used.size > 60, `${used.size} messages found: the scan is broken`);
    for (const [message, file] of used) {
      assert.ok(hasChinese(message), `${file}: no Chinese for ${JSON.stringify(message)}`);
      const holes = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((h) => h[0]).sort();
      assert.deepEqual(holes(bundle[message]), holes(message), `placeholders of ${JSON.stringify(message)}`);
    }
    const unused = Object.keys(bundle).filter((k) => !used.has(k));
    assert.deepEqual(unused, [], 'entries of l10n/bundle.l10n.zh-cn.json no code uses');
  });

  it('words a message in the language asked for, arguments put in; English plurals by count', () => {
    assert.equal(translate('zh', 'Figures: {0}', '某报告'), '报告数据：某报告');
    assert.equal(translate('en', 'Figures: {0}', 'A report'), 'Figures: A report');
    assert.equal(translate('en', plural(1, 'keywords, {0} place', 'keywords, {0} places'), 1), 'keywords, 1 place');
    assert.equal(translate('en', plural(2, 'keywords, {0} place', 'keywords, {0} places'), 2), 'keywords, 2 places');
    assert.equal(translate('zh', plural(1, 'keywords, {0} place', 'keywords, {0} places'), 1), translate('zh', plural(2, 'keywords, {0} place', 'keywords, {0} places'), 1));
    assert.equal(translate('zh', 'No such message'), 'No such message');
  });

  it('follows govreport.locale, and VS Code’s display language when it is auto (English for en-*, else Chinese, as the server)', () => {
    assert.equal(localeOf('zh', 'en'), 'zh');
    assert.equal(localeOf('en', 'zh-cn'), 'en');
    assert.equal(localeOf('auto', 'en-GB'), 'en');
    assert.equal(localeOf('auto', 'zh-cn'), 'zh');
    assert.equal(localeOf(undefined, 'de'), 'zh');
  });

  it('names what comes before the first heading as the hover and the CLI do', () => {
    assert.equal(translate('zh', '(before the first heading)'), BEFORE_FIRST_HEADING.zh);
    assert.equal(translate('en', '(before the first heading)'), BEFORE_FIRST_HEADING.en);
  });
});

describe('view titles', () => {
  const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;

  it('worded at run time in the UI’s language are the names package.json gives them, in both languages', () => {
    // VS Code shows package.json's name until the extension runs, then the one the view sets: the same words.
    for (const [key, message] of [['view.coverage', 'Outline-Plan Coverage'], ['view.comparison', 'Comparison with Last Year']]) {
      assert.equal(en[key], message, `package.nls.json ${key}`);
      assert.equal(translate('zh', message), zh[key], `package.nls.zh-cn.json ${key}`);
    }
  });
});

describe('command titles', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  const key = (s: string) => /^%(.+)%$/.exec(s)?.[1];

  it('carry both names, so that either finds the command in the palette of a Chinese or an English VS Code', () => {
    // VS Code reads a title { value, original } as the shown title and an alias the palette also matches
    // (menusExtensionPoint, commandsQuickAccess): the alias is the title in the other language.
    for (const command of manifest.contributes.commands as { command: string; title: { value: string; original: string } }[]) {
      assert.equal(typeof command.title, 'object', `${command.command}: title { value, original }`);
      const value = key(command.title.value)!;
      const alias = key(command.title.original)!;
      assert.ok(value && alias, `${command.command}: both are nls keys`);
      assert.equal(en[alias], zh[value], `${command.command}: the English alias is the Chinese title`);
      assert.equal(zh[alias], en[value], `${command.command}: the Chinese alias is the English title`);
      assert.match(zh[value], /[\u4e00-\u9fff]/, `${command.command}: a Chinese title`);
      assert.match(en[value], /^[\x20-\x7e…’]+$/, `${command.command}: an English title`);
    }
  });
});
