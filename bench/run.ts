/**
 * `npm run bench [-- NAME]`: runs each benchmark in its own process (so each reports its own
 * peak RSS) against the production build. Each prints its result as its last line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const available = fs
  .readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.js'))
  .map((file) => file.replace(/\.bench\.js$/, ''))
  .sort();

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark: ${unknown.join(', ')}; available: ${available.join(', ')}\n`,
  );
  process.exit(2);
}
let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', path.join(__dirname, `${name}.bench.js`)],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SECRET_KEY: 'bench-secret-key-not-for-production-use-0123456789',
      },
    },
  );
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
