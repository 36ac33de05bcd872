import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

/** Builds dist/ when the sources are newer, as `npm start` does; for tests that run processes. */
export function ensureBuilt(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-build.js')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`build failed: ${build.stderr}`);
  }
}
