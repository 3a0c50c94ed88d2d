// The details page (docs/marketplace/README.md, packaged by `npm run package`) is what users read before they
// install: it must name every command they can run and every setting, in its Chinese part and in its English
// part, and its links and pictures must point at files that exist.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const README = path.join(root, 'docs', 'marketplace', 'README.md');
const ENGLISH_HEADING = '## English';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = {
  zh: JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>,
  en: JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>,
};
const text = fs.readFileSync(README, 'utf8');
const parts = { zh: text.slice(0, text.indexOf(ENGLISH_HEADING)), en: text.slice(text.indexOf(ENGLISH_HEADING)) };

/** Commands a user can run from the palette: those not hidden there with `when: "false"`; their titles' nls keys. */
function paletteCommands(): { command: string; title: string }[] {
  const hidden = new Set(
    (manifest.contributes.menus.commandPalette as { command: string; when?: string }[]).filter((m) => m.when === 'false').map((m) => m.command),
  );
  // A title is { value, original }: the value is the title, the original its name in the other language (an alias).
  return (manifest.contributes.commands as { command: string; title: string | { value: string } }[])
    .filter((c) => !hidden.has(c.command))
    .map((c) => ({ command: c.command, title: typeof c.title === 'string' ? c.title : c.title.value }));
}

describe('marketplace README (the details page)', () => {
  it('has a Chinese part first, then an English part', () => {
    assert.ok(text.indexOf(ENGLISH_HEADING) > 0, `no "${ENGLISH_HEADING}" heading`);
    assert.match(parts.zh, /^# GovReport 政府年度报告检查\n/);
  });

  for (const language of ['zh', 'en'] as const) {
    it(`names every command of the palette by its ${language} title`, () => {
      const commands = paletteCommands();
      assert.ok(commands.length >= 8, `only ${commands.length} commands`);
      for (const { command, title } of commands) {
        const key = /^%(.+)%$/.exec(title)?.[1];
        assert.ok(key && nls[language][key], `${command}: no ${language} title`);
        assert.ok(parts[language].includes(nls[language][key]), `${command} (「${nls[language][key]}」) is not in the ${language} part`);
      }
    });

    it(`names every setting in the ${language} part`, () => {
      for (const setting of Object.keys(manifest.contributes.configuration.properties)) {
        assert.ok(parts[language].includes(`\`${setting}\``), `${setting} is not in the ${language} part`);
      }
    });
  }

  it('links to files of the repository and shows committed PNG pictures', () => {
    const links = [...text.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => ({ image: m[1] === '!', target: m[2] }));
    const images = links.filter((l) => l.image);
    assert.ok(images.length >= 3, `only ${images.length} pictures`);
    for (const { image, target } of links) {
      if (/^https:\/\//.test(target)) continue;
      const file = path.resolve(path.dirname(README), target.split('#')[0]);
      assert.ok(fs.existsSync(file), `${target} does not exist`);
      if (image) assert.match(target, /^images\/[\w-]+\.png$/, `${target}: pictures are PNGs in docs/marketplace/images/`);
    }
  });
});
