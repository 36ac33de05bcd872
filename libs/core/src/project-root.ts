import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The repository root (where package.json says "ledarspegel"), found from this file's location
 * so that data files (seeds/, templates/) resolve the same from sources, tests and dist/.
 */
export function projectRoot(): string {
  if (cached) {
    return cached;
  }
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'ledarspegel') {
        cached = dir;
        return dir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the Ledarspegel project root above ${__dirname}`);
    }
    dir = parent;
  }
}
