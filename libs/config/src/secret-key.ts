import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppConfig, ConfigError, MIN_SECRET_KEY_LENGTH } from './app-config';

export const SECRET_KEY_FILE = 'secret-key';

/**
 * Returns the config with a secret key: the one given, or the one stored in `var/`, or a new
 * random one written there (mode 0600) on first start, so sessions survive a restart.
 */
export function resolveSecretKey(config: AppConfig): AppConfig {
  if (config.secretKey !== null) {
    return config;
  }
  const file = path.join(config.varDir, SECRET_KEY_FILE);
  let key: string;
  try {
    key = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError('SECRET_KEY', `cannot read ${file}: ${(error as Error).message}`);
    }
    key = randomBytes(48).toString('base64url');
    fs.mkdirSync(config.varDir, { recursive: true, mode: 0o700 }); // as PRIVATE_DIRECTORY_MODE
    try {
      // 'wx' fails if another process created it first; then read theirs.
      fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ConfigError(
          'SECRET_KEY',
          `cannot write ${file}: ${(writeError as Error).message}`,
        );
      }
      key = fs.readFileSync(file, 'utf8').trim();
    }
  }
  if (key.length < MIN_SECRET_KEY_LENGTH) {
    throw new ConfigError(
      'SECRET_KEY',
      `the key in ${file} is too short; delete the file to generate a new one`,
    );
  }
  return Object.freeze({ ...config, secretKey: key });
}
