// Writes images/icon.png, the extension's icon (package.json "icon"), from scripts/icon.ts: `npm run generate:icon`.
// The PNG is committed, so packaging does not depend on running this; a unit test checks that it matches the drawing.
import * as fs from 'fs';
import * as path from 'path';
import { drawIcon } from './icon';
import { encodePng } from './png';

const file = path.resolve(__dirname, '..', 'images', 'icon.png');
const png = encodePng(drawIcon());
if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, png);
  console.log('updated images/icon.png');
}
