// Writes the registry-derived parts of the configuration surface: schemas/govreport.schema.json, the
// `govreport.profile` and `govreport.rules` settings in package.json, and their nls descriptions.
// Run after adding a rule or a profile: `npm run generate:config`.
import * as fs from 'fs';
import * as path from 'path';
import { buildNls, buildSchema, toJsonText, updateNls, updatePackageJson } from './config-contributions';

const ROOT = path.resolve(__dirname, '..');

function rewrite(file: string, next: (current: string | undefined) => string): void {
  const full = path.join(ROOT, file);
  const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
  const text = next(current);
  if (text === current) return;
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  console.log(`updated ${file}`);
}

const nls = buildNls();
rewrite('schemas/govreport.schema.json', () => toJsonText(buildSchema()));
rewrite('package.json', (current) => toJsonText(updatePackageJson(JSON.parse(current!))));
rewrite('package.nls.json', (current) => toJsonText(updateNls(JSON.parse(current!), nls.en)));
rewrite('package.nls.zh-cn.json', (current) => toJsonText(updateNls(JSON.parse(current!), nls.zh)));
