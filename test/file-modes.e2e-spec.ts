/**
 * What rests under var/ is private to the account that runs Ledarspegel: the SQLite file with its
 * -wal and -shm, the e-mails (they hold live survey links), the report PDFs and the secret key
 * are 0600, their folders 0700, in process (explicit modes) and from the real CLI (umask too).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT } from './support/build';
import { deliverMail, importOrganisation, launchCampaign } from './support/campaign-fixture';
import { createTestApp, signInAsAdmin } from './support/test-app';

const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

/** Every file and folder under `directory` (itself as `.`) with its mode, e.g. `mail/x.eml 600`. */
function modesUnder(directory: string): string[] {
  const found = [`. ${modeOf(directory)}`];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      found.push(`${path.relative(directory, full)} ${modeOf(full)}`);
      if (entry.isDirectory()) {
        visit(full);
      }
    }
  };
  visit(directory);
  return found;
}

/** The entries under `directory` that are not private (folders 700, files 600). */
function notPrivate(directory: string): string[] {
  return modesUnder(directory).filter((line) => {
    const name = line.slice(0, line.lastIndexOf(' '));
    const directoryEntry = fs.statSync(path.join(directory, name)).isDirectory();
    return !line.endsWith(directoryEntry ? ' 700' : ' 600');
  });
}

describe('files at rest', () => {
  let root: string;
  let previousUmask: number;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-modes-'));
    // as a typical login shell: what is not explicitly private would be world-readable
    previousUmask = process.umask(0o022);
  });

  afterAll(() => {
    process.umask(previousUmask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('in process: the database, its WAL, the e-mails, the secret key and their folders', async () => {
    const varDir = path.join(root, 'in-process', 'var');
    const t = await createTestApp(
      { DATABASE_URL: `sqlite:${path.join(varDir, 'data', 'ledarspegel.sqlite')}` },
      { varDir },
    );
    try {
      const token = await signInAsAdmin(t);
      await importOrganisation(t, token);
      await launchCampaign(t, token, {
        name: 'Höst',
        questionnaireKey: 'kalix-ledarplan',
        subjects: { allManagers: true },
      });
      expect((await deliverMail(t)).length).toBeGreaterThan(0);
      expect(notPrivate(varDir)).toEqual([]);
      const lines = modesUnder(varDir);
      for (const expected of [
        '. 700',
        'secret-key 600',
        'data 700',
        'data/ledarspegel.sqlite 600',
        'data/ledarspegel.sqlite-wal 600',
        'data/ledarspegel.sqlite-shm 600',
        'mail 700',
      ]) {
        expect(lines).toContain(expected);
      }
      expect(lines.filter((line) => /^mail\/.*\.eml 600$/.test(line)).length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('from the CLI: the database, a rendered report and their folders', () => {
    ensureBuilt();
    const varDir = path.join(root, 'cli', 'var');
    const env = {
      ...process.env,
      VAR_DIR: varDir,
      DATABASE_URL: `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    };
    const cli = (args: string[]) => {
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'dist/apps/cli/src/main.js'), ...args],
        { cwd: ROOT, env, encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      return run.stdout.trim();
    };
    cli(['people:import', path.join(ROOT, 'seeds/people-example.csv')]);
    const id = cli(['campaign:create', '--name', 'Höst', '--questionnaire', 'kalix-ledarplan']);
    cli(['campaign:launch', id]);
    cli(['campaign:close', id]);
    cli(['report:render', id, '1003', '--out', path.join(varDir, 'reports', 'maria.pdf')]);
    expect(notPrivate(varDir)).toEqual([]);
    expect(modesUnder(varDir)).toEqual(
      expect.arrayContaining([
        '. 700',
        'ledarspegel.sqlite 600',
        'secret-key 600',
        'reports 700',
        'reports/maria.pdf 600',
      ]),
    );
  }, 120_000);
});
