import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { assertMayChange } from '@ledarspegel/auth';
import { MAX_CSV_BYTES } from '@ledarspegel/core';
import { PeopleService } from '@ledarspegel/people';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleView, page, PageView } from '../rendering/console-view';
import { ConsoleForms } from '../session/console-forms';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { importPreviewView } from '../views/people.view';
import { ImportUploads, readCsvUpload } from './import-uploads';

const importForm = (status: number, context: Record<string, unknown>): PageView =>
  page({
    section: 'people',
    template: 'pages/admin/people-import',
    title: 'admin.import.title',
    context: { ...context, maxMb: MAX_CSV_BYTES / 1024 / 1024 },
    status,
  });

/** The file's errors by row and field (422) on the upload form; anything else is thrown on. */
const fileErrors = (error: unknown): PageView =>
  importForm(422, { errors: expectedError(error, 'invalid').details });

/**
 * Importing the organisation in two steps, as the API does in one: the file is checked and
 * what it would change is shown (nothing written); HR approves and it is applied.
 */
@Injectable()
export class PeopleImportPages {
  constructor(
    private readonly people: PeopleService,
    private readonly uploads: ImportUploads,
    private readonly forms: ConsoleForms,
    private readonly pages: ConsolePages,
  ) {}

  form(session: ConsoleSession): ConsoleView {
    assertMayChange(session.actor);
    return importForm(200, {});
  }

  /** Step 1: the upload (its form checked once its fields are read), previewed. */
  async preview(session: ConsoleSession, request: FastifyRequest): Promise<ConsoleView> {
    let upload: { fields: Form; csv: Buffer | null };
    try {
      upload = await readCsvUpload(request);
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
      return importForm(tooLarge ? 413 : 400, {
        error: tooLarge ? 'admin.import.tooLarge' : 'admin.import.unreadable',
      });
    }
    this.forms.check(request, session, upload.fields);
    assertMayChange(session.actor);
    if (!upload.csv || upload.csv.length === 0) {
      return importForm(422, { error: 'admin.import.noFile' });
    }
    try {
      const preview = await this.people.previewCsv(session.actor, upload.csv);
      return page({
        section: 'people',
        template: 'pages/admin/people-preview',
        title: 'admin.preview.title',
        context: importPreviewView(
          preview,
          this.uploads.save(upload.csv),
          this.pages.texts(session.language),
        ),
      });
    } catch (error) {
      return fileErrors(error);
    }
  }

  /** Step 2: the previewed file applied, in one transaction. */
  async apply(session: ConsoleSession, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    let csv: Buffer;
    try {
      csv = this.uploads.read(form.upload);
    } catch {
      return importForm(410, { error: 'admin.import.expired' });
    }
    try {
      const result = await this.people.importCsv(session.actor, csv);
      this.uploads.remove(form.upload as string);
      return page({
        section: 'people',
        template: 'pages/admin/people-imported',
        title: 'admin.imported.title',
        context: { ...result },
      });
    } catch (error) {
      // the organisation changed since the preview so that the file no longer fits
      return fileErrors(error);
    }
  }
}
