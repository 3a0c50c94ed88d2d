// The rule pages in docs/rules/: the language server links every diagnostic to docs/rules/<id>.md, so each
// rule in the registry needs its page — with its title, its sources cited verbatim, its default severity
// and an English section — the index must list it, and no page may outlive its rule.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core/index';

const DOCS_DIR = path.resolve(__dirname, '../../docs/rules');
const INDEX = 'README.md';

function read(file: string): string {
  return fs.readFileSync(path.join(DOCS_DIR, file), 'utf8').replace(/\r\n?/g, '\n');
}

/** The text of a `## <name>` section: from its heading to the next heading of level 1 or 2. */
function section(text: string, name: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${name}`);
  if (start < 0) return undefined;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^#{1,2} /.test(lines[i])) {
      end = i;
      break;
    }
  }
  return lines.slice(start + 1, end).join('\n');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('rule docs', () => {
  it('the docs folder exists', () => {
    assert.ok(fs.existsSync(DOCS_DIR), `${DOCS_DIR} is missing`);
  });

  for (const rule of RULES) {
    describe(`docs/rules/${rule.id}.md`, () => {
      const file = `${rule.id}.md`;
      const text = () => read(file);

      it('exists', () => {
        assert.ok(fs.existsSync(path.join(DOCS_DIR, file)), `no page for rule ${rule.id}`);
      });

      it(`starts with "# ${rule.id}"`, () => {
        const first = text().split('\n')[0];
        assert.match(first, new RegExp(`^# ${escapeRegExp(rule.id)}(?:：|:|\\s|$)`), `first line: ${first}`);
      });

      it('cites every source of the rule verbatim', () => {
        const t = text();
        for (const source of rule.sources) {
          assert.ok(t.includes(source.cite), `${file} does not cite ${source.cite}`);
        }
      });

      it('names the default severity in its 默认级别 section and in English', () => {
        const t = text();
        const zh = section(t, '默认级别');
        assert.ok(zh !== undefined, `${file} has no "## 默认级别" section`);
        assert.ok(zh.includes(rule.defaultSeverity), `${file}: 默认级别 does not name ${rule.defaultSeverity}`);
        const en = section(t, 'English');
        assert.ok(en !== undefined, `${file} has no "## English" section`);
        assert.ok(en.includes(rule.defaultSeverity), `${file}: the English section does not name ${rule.defaultSeverity}`);
      });

      it('has the sections a reader looks for, Chinese before English', () => {
        const t = text();
        const order = ['默认级别', '依据', '检查什么', '示例', '快速修复', '配置', 'English'].map((name) => {
          const at = t.split('\n').findIndex((l) => l.trim() === `## ${name}`);
          assert.ok(at >= 0, `${file} has no "## ${name}" section`);
          return at;
        });
        assert.deepEqual([...order].sort((a, b) => a - b), order, `${file}: sections out of order`);
      });

      it('shows how to configure it', () => {
        const t = text();
        assert.ok(t.includes('govreport.rules'), `${file} does not mention the govreport.rules setting`);
        assert.ok(t.includes('.govreport.json'), `${file} does not mention .govreport.json`);
        assert.ok(t.includes(`"${rule.id}": "off"`), `${file} does not show how to turn the rule off`);
      });
    });
  }

  it('the index lists every rule with a link to its page', () => {
    const index = read(INDEX);
    for (const rule of RULES) {
      assert.match(index, new RegExp(`\\[${escapeRegExp(rule.id)}\\]\\(${escapeRegExp(rule.id)}\\.md\\)`), `${INDEX} does not list ${rule.id}`);
    }
  });

  it('the index gives every rule its default severity', () => {
    const rows = read(INDEX).split('\n').filter((l) => l.startsWith('| ['));
    for (const rule of RULES) {
      const row = rows.find((r) => r.startsWith(`| [${rule.id}](`));
      assert.ok(row, `${INDEX} has no row for ${rule.id}`);
      assert.ok(row.split('|').some((cell) => cell.trim() === rule.defaultSeverity), `${INDEX}: the row of ${rule.id} does not give ${rule.defaultSeverity}`);
    }
  });

  it('no page exists for an id that is not a rule', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const strays = fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md') && f !== INDEX && !ids.has(f.slice(0, -3)));
    assert.deepEqual(strays, [], `pages without a rule: ${strays.join(', ')}`);
  });

  it('every relative link between the pages resolves', () => {
    for (const file of fs.readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'))) {
      for (const m of read(file).matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1])) continue;
        assert.ok(fs.existsSync(path.resolve(DOCS_DIR, m[1])), `${file} links to ${m[1]}, which does not exist`);
      }
    }
  });
});
