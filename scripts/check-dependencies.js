#!/usr/bin/env node
// The dependency rules of docs/architecture.md, checked on every `npm run lint` (plain
// JavaScript: it reads the sources, it needs no build). Fails with one line per violation:
// - a deep import into another lib's src/ (the lib's index.ts is its only door);
// - a lib importing an app;
// - infrastructure (config, core, database, mail, templates, text) importing a domain lib;
// - the pure core (libs/anonymity, and the reports' aggregation) importing Nest or TypeORM;
// - a lib querying another lib's table, by name in SQL or through its entity class.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// the project's root; a test passes a made-up tree instead
const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const libsDir = path.join(root, 'libs');
const libs = fs
  .readdirSync(libsDir)
  .filter((name) => fs.existsSync(path.join(libsDir, name, 'src')));
const INFRASTRUCTURE = new Set(['config', 'core', 'database', 'mail', 'templates', 'text']);
const DOMAIN = libs.filter((name) => !INFRASTRUCTURE.has(name) && name !== 'worker');
const PURE = [
  'libs/anonymity/src/',
  'libs/reports/src/aggregation.ts',
  'libs/reports/src/assemble-report.ts',
  'libs/reports/src/insights.ts',
];

function sources(directory) {
  const entries = fs
    .readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name));
  return entries.flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === 'migrations' ? [] : sources(full);
    }
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const libOf = (file) => {
  const relative = path.relative(libsDir, file);
  return relative.startsWith('..') ? null : relative.split(path.sep)[0];
};

// Tables and entity classes by owning lib, from the entity files themselves.
const tableOwner = new Map();
const entityOwner = new Map();
for (const lib of libs) {
  for (const file of sources(path.join(libsDir, lib, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    const pattern = /@Entity\('([a-z_]+)'[^)]*\)\s*(?:@[\s\S]*?)?export class (\w+)/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      tableOwner.set(match[1], lib);
      entityOwner.set(match[2], lib);
    }
  }
}

const problems = [];
const report = (file, line, message) =>
  problems.push(`${path.relative(root, file)}:${line}: ${message}`);

for (const file of sources(libsDir)) {
  const lib = libOf(file);
  const relative = path.relative(root, file).split(path.sep).join('/');
  const test = relative.endsWith('.spec.ts');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, index) => {
    const line = index + 1;
    for (const match of text.matchAll(/from '([^']+)'|import\('([^']+)'\)|require\('([^']+)'\)/g)) {
      const target = match[1] ?? match[2] ?? match[3];
      const deep = /^@ledarspegel\/([\w-]+)\/.+/.exec(target);
      if (deep) {
        report(file, line, `deep import of ${target}: import @ledarspegel/${deep[1]}`);
      }
      if (target.startsWith('.')) {
        const resolved = path.resolve(path.dirname(file), target);
        const other = libOf(resolved);
        if (other && other !== lib) {
          report(file, line, `relative import into libs/${other}: import @ledarspegel/${other}`);
        }
        if (path.relative(path.join(root, 'apps'), resolved).split(path.sep)[0] !== '..') {
          report(file, line, `a lib imports an app (${target})`);
        }
      }
      const imported = /^@ledarspegel\/([\w-]+)$/.exec(target)?.[1];
      if (imported && INFRASTRUCTURE.has(lib) && DOMAIN.includes(imported) && !test) {
        report(
          file,
          line,
          `libs/${lib} is infrastructure and must not import @ledarspegel/${imported}`,
        );
      }
      if (
        PURE.some((pure) => relative.startsWith(pure)) &&
        (/^@nestjs\//.test(target) || target === 'typeorm')
      ) {
        report(file, line, `the pure core must not import ${target}`);
      }
    }
    if (test || !lib) {
      return;
    }
    for (const match of text.matchAll(/(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)"?/g)) {
      const owner = tableOwner.get(match[1]);
      if (owner && owner !== lib) {
        report(file, line, `queries the table ${match[1]} of libs/${owner}`);
      }
    }
    for (const match of text.matchAll(
      /\.(?:from|(?:inner|left)?Join(?:AndSelect)?)\('([a-z_]+)'/g,
    )) {
      const owner = tableOwner.get(match[1]);
      if (owner && owner !== lib) {
        report(file, line, `queries the table ${match[1]} of libs/${owner}`);
      }
    }
    const entityUse =
      /(?:getRepository|find\w*|count\w*|exist\w*|insert|update|upsert|delete|save|create|createQueryBuilder|InjectRepository|forFeature)\(\s*\[?\s*(\w+)/g;
    for (const match of text.matchAll(entityUse)) {
      const owner = entityOwner.get(match[1]);
      if (owner && owner !== lib) {
        report(file, line, `reaches the table of ${match[1]} (libs/${owner}) directly`);
      }
    }
  });
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n${problems.length} dependency problem(s)\n`);
  process.exit(1);
}
process.stdout.write(`dependencies: ${libs.length} libs, no rule broken\n`);
