import { Injectable } from '@nestjs/common';
import { assertMayChange } from '@ledarspegel/auth';
import { RetentionResponseDto, RetentionService } from '@ledarspegel/compliance';
import { ConsoleView, page, redirect } from '../rendering/console-view';
import type { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { readRetentionForm, RETENTION_FIELDS, RetentionField } from './retention-form';

/** The retention settings and the last run of the disposal job, for HR and the archivist. */
@Injectable()
export class RetentionPages {
  constructor(private readonly retention: RetentionService) {}

  async show(session: ConsoleSession, query: Form): Promise<ConsoleView> {
    const current = await this.retention.get(session.actor);
    return this.page(current, {
      saved: query.saved === '1',
      values: {
        reportsMonths: current.reportsMonths ?? '',
        inactivePeopleMonths: current.inactivePeopleMonths ?? '',
      },
    });
  }

  async save(session: ConsoleSession, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const read = readRetentionForm(form);
    if (!read.ok) {
      const current = await this.retention.get(session.actor);
      const values = Object.fromEntries(
        RETENTION_FIELDS.map((field) => [
          field,
          typeof form[field] === 'string' ? form[field] : '',
        ]),
      );
      return this.page(current, { values, invalid: read.invalid }, 422);
    }
    await this.retention.update(session.actor, read.settings);
    return redirect('/admin/settings/retention?saved=1');
  }

  private page(
    current: RetentionResponseDto,
    form: { saved?: boolean; values: Record<string, unknown>; invalid?: RetentionField[] },
    status = 200,
  ): ConsoleView {
    const invalid = Object.fromEntries((form.invalid ?? []).map((field) => [field, true]));
    return page({
      section: 'settings',
      template: 'pages/admin/retention',
      title: 'admin.retention.title',
      status,
      context: {
        saved: form.saved ?? false,
        values: form.values,
        invalid,
        problems: (form.invalid ?? []).map((field) => ({
          anchor: field,
          text: `admin.retention.problem.${field}`,
        })),
        lastRun: current.lastRun,
        updatedAt: current.updatedAt,
      },
    });
  }
}
