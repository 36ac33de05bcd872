#!/usr/bin/env node
// Builds dist/ when it is missing or older than the sources, so `npm start` works on a fresh
// clone and stays quick on the next start. Plain JavaScript: it must run before anything is built.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sourceDirs = ['apps', 'libs', 'scripts', 'bench'];
const sourceFiles = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestSourceTime() {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) {
        visit(path.join(entry, name));
      }
    } else if (/\.(ts|json)$/.test(entry) && !entry.endsWith('.spec.ts')) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  sourceDirs.forEach((dir) => visit(path.join(root, dir)));
  sourceFiles.forEach((file) => visit(path.join(root, file)));
  return newest;
}

function builtTime() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtTime() < newestSourceTime()) {
  process.stderr.write('Building Ledarspegel (first start or changed sources)...\n');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('Build failed: see the TypeScript errors above.\n');
    process.exit(result.status ?? 1);
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString());
}
