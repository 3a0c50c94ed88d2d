// Writes snippets/govreport.json from scripts/snippets.ts (profiles + standard paragraphs).
// Run after changing a profile's wording: `npm run generate:snippets`.
import * as fs from 'fs';
import * as path from 'path';
import { snippetsJson } from './snippets';

const file = path.resolve(__dirname, '..', 'snippets', 'govreport.json');
const text = snippetsJson();
if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log('updated snippets/govreport.json');
}
