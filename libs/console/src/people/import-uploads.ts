import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { DomainError, MAX_CSV_BYTES } from '@ledarspegel/core';
import type { Form } from '../views/form';

/** An uploaded people file waits this long between its preview and "apply". */
const KEEP_MS = 60 * 60 * 1000;

/**
 * People files between the preview of what they change and HR's "apply": kept in
 * var/uploads under a random name, read back once, removed after use or an hour.
 */
@Injectable()
export class ImportUploads {
  private readonly directory: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.directory = path.join(config.varDir, 'uploads');
  }

  save(csv: Buffer): string {
    fs.mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    this.removeOld();
    const id = randomBytes(16).toString('hex');
    fs.writeFileSync(this.file(id), csv, { mode: 0o600 });
    return id;
  }

  read(id: unknown): Buffer {
    if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || !fs.existsSync(this.file(id))) {
      throw new DomainError('gone', 'This upload is no longer here; upload the file again.');
    }
    return fs.readFileSync(this.file(id));
  }

  remove(id: string): void {
    fs.rmSync(this.file(id), { force: true });
  }

  private file(id: string): string {
    return path.join(this.directory, `${id}.csv`);
  }

  private removeOld(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const name of fs.readdirSync(this.directory)) {
      const file = path.join(this.directory, name);
      if (fs.statSync(file).mtimeMs < cutoff) {
        fs.rmSync(file, { force: true });
      }
    }
  }
}

/**
 * The fields and the file of a console upload, read with the CSV size limit. A form that is
 * not multipart has fields only. Throws Fastify's errors for a file too large or a broken body.
 */
export async function readCsvUpload(
  request: FastifyRequest,
): Promise<{ fields: Form; csv: Buffer | null }> {
  if (!request.isMultipart()) {
    return { fields: (request.body ?? {}) as Form, csv: null };
  }
  const fields: Form = {};
  let csv: Buffer | null = null;
  for await (const part of request.parts({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } })) {
    if (part.type === 'file') {
      csv = await part.toBuffer();
    } else {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, csv };
}
