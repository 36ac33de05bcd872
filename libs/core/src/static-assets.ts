import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root';

/**
 * The files under `/assets/`: ours from `public/`, chart.js from its package. Pages link them
 * with their content's hash in the query (`/assets/app.css?v=1a2b3c4d`), so browsers may keep
 * them for a year: a new release has a new hash.
 */
export const ASSET_PREFIX = '/assets/';
export const VENDOR_PREFIX = '/assets/vendor/';
export const PUBLIC_DIR = path.join(projectRoot(), 'public');
export const CHART_JS_DIR = path.join(projectRoot(), 'node_modules', 'chart.js', 'dist');
export const VENDOR_FILES: readonly string[] = ['chart.umd.min.js'];

const versions = new Map<string, string>();

/** `/assets/NAME?v=HASH` for a file of ours or `vendor/chart.umd.min.js`. */
export function assetUrl(name: string): string {
  let version = versions.get(name);
  if (version === undefined) {
    const file = name.startsWith('vendor/')
      ? path.join(CHART_JS_DIR, name.slice('vendor/'.length))
      : path.join(PUBLIC_DIR, name);
    version = createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
    versions.set(name, version);
  }
  return `${ASSET_PREFIX}${name}?v=${version}`;
}

/** A year, immutable, for a versioned link; an hour for one without (an old bookmark). */
export function assetCacheControl(url: string): string {
  return /[?&]v=[0-9a-f]{12}(&|$)/.test(url)
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=3600';
}
