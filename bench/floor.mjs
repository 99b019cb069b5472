// The floor of `npm run bench`: the least any tool must do with a JSON spec, read it,
// parse it and write a file, in one process like every other row.
import fs from 'node:fs';
import path from 'node:path';

const [spec, out] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(spec, 'utf8'));
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'copy.json'), JSON.stringify(data, null, 2) + '\n');
