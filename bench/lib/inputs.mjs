// Deterministic benchmark inputs from the seed reports: concatenated to about 20 KB, 200 KB, 2 MB and 10 MB,
// with the level-1 headings renumbered across the whole file (一、 … 九百九十九、) as a county's 汇编 would be.
import * as fs from 'fs';
import * as path from 'path';

export const SIZES = [
  { name: '20KB', bytes: 20_000 },
  { name: '200KB', bytes: 200_000 },
  { name: '2MB', bytes: 2_000_000 },
  { name: '10MB', bytes: 10_000_000 },
];

const LEVEL1 = /^([ \t\u3000]*)([一二三四五六七八九十百千]+)、/;

export function seedTexts(root) {
  const dir = path.join(root, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

export function generate(root, core, cacheDir) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const seeds = seedTexts(root);
  const out = [];
  for (const size of SIZES) {
    const file = path.join(cacheDir, `input-${size.name}.txt`);
    if (!fs.existsSync(file)) {
      const parts = [];
      let bytes = 0;
      let counter = 0;
      for (let i = 0; bytes < size.bytes; i++) {
        const lines = seeds[i % seeds.length].split('\n').map((line) => {
          const m = LEVEL1.exec(line);
          if (!m) return line;
          counter++;
          return m[1] + core.formatChineseNumeral(counter) + '、' + line.slice(m[0].length);
        });
        let text = lines.join('\n') + '\n';
        // The last report is cut at a line end so that the input stays close to its nominal size.
        if (bytes + Buffer.byteLength(text) > size.bytes * 1.1) {
          const kept = [];
          let used = bytes;
          for (const line of lines) {
            const b = Buffer.byteLength(line) + 1;
            if (used + b > size.bytes && kept.length > 0) break;
            kept.push(line);
            used += b;
          }
          text = kept.join('\n') + '\n';
        }
        parts.push(text);
        bytes += Buffer.byteLength(text);
      }
      fs.writeFileSync(file, parts.join(''));
    }
    const text = fs.readFileSync(file, 'utf8');
    out.push({ ...size, file, text, actualBytes: Buffer.byteLength(text) });
  }
  return out;
}

/** 1,000 seed-sized reports in one folder, each a little different so that nothing is trivially shared. */
export function cliFolder(root, cacheDir, count = 1000) {
  const dir = path.join(cacheDir, `cli-${count}`);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === count) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const seeds = seedTexts(root);
  for (let i = 0; i < count; i++) {
    const text = seeds[i % seeds.length].replace(/(开展|组织)/, `$1第${i}批`) + `\n（编号：${i}）\n`;
    fs.writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.txt`), text);
  }
  return dir;
}
