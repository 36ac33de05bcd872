/**
 * The dependency check that `npm run lint` runs (docs/architecture.md): it passes on this tree
 * and fails, naming each, on every kind of violation planted in a made-up one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.join(__dirname, '..', 'scripts', 'check-dependencies.js');
const run = (root?: string) =>
  spawnSync(process.execPath, root ? [SCRIPT, root] : [SCRIPT], { encoding: 'utf8' });

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dependencies-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('the dependency check', () => {
  it('passes on this project', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails on each kind of violation, one line each', () => {
    const root = tree({
      'apps/api/src/main.ts': 'export const app = 1;\n',
      'libs/people/src/person.entity.ts': "@Entity('person')\nexport class Person {}\n",
      'libs/people/src/index.ts': "export * from './person.entity';\n",
      'libs/campaigns/src/index.ts': [
        "import { x } from '@ledarspegel/people/src/person.entity';",
        "import { y } from '../../people/src/person.entity';",
        "import { main } from '../../../apps/api/src/main';",
        'const sql = `SELECT * FROM person`;',
        'const one = manager.findOneBy(Person, { id });',
        '',
      ].join('\n'),
      'libs/mail/src/index.ts': "import { Person } from '@ledarspegel/people';\n",
      'libs/anonymity/src/index.ts': "import { Injectable } from '@nestjs/common';\n",
    });
    const result = run(root);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^libs\/anonymity\/src\/index.ts:1: the pure core must not import @nestjs\/common/,
      ),
      expect.stringMatching(/^libs\/campaigns\/src\/index.ts:1: deep import/),
      expect.stringMatching(/^libs\/campaigns\/src\/index.ts:2: relative import into libs\/people/),
      expect.stringMatching(/^libs\/campaigns\/src\/index.ts:3: a lib imports an app/),
      expect.stringMatching(
        /^libs\/campaigns\/src\/index.ts:4: queries the table person of libs\/people/,
      ),
      expect.stringMatching(/^libs\/campaigns\/src\/index.ts:5: reaches the table of Person/),
      expect.stringMatching(/^libs\/mail\/src\/index.ts:1: libs\/mail is infrastructure/),
      '7 dependency problem(s)',
    ]);
  });
});
