import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { serialWrite } from '@ledarspegel/core';
import { assertMayRead, type ServiceActor } from '../actor-access';
import { AuditEntry } from './audit-entry.entity';

/**
 * What the audit trail records. Reads that hand out personal data (a report, an export, a
 * register extract) are recorded as well as every change.
 */
export const AUDIT_ACTIONS = [
  'admin.created',
  'admin.role_changed',
  'people.imported',
  'campaign.created',
  'campaign.raters_changed',
  'campaign.nominations_opened',
  'campaign.nomination_changed',
  'campaign.nominations_reminded',
  'campaign.reminded',
  'campaign.launched',
  'campaign.closed',
  'pulse.created',
  'questionnaire.saved',
  'export.downloaded',
  'report.viewed',
  'report.downloaded',
  'settings.changed',
  'person.anonymised',
  'register_extract.produced',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How long the retention job keeps an audit entry (docs/gallring.md). */
export const AUDIT_RETENTION_MONTHS = 24;

/** What the trail says of an actor: the HR user's e-mail address, or `system`. */
export function auditActor(actor: ServiceActor): string {
  return actor.kind === 'admin' ? actor.email : 'system';
}

/** The target of something about a campaign, a person, or a subject's report. */
export const auditTarget = {
  campaign: (id: string): string => `campaign:${id}`,
  employee: (employeeId: string): string => `employee:${employeeId}`,
  /** the subject's report; the subject is the person assessed, never a rater */
  report: (campaignId: string, subjectEmployeeId: string): string =>
    `campaign:${campaignId}/employee:${subjectEmployeeId}`,
  export: (campaignId: string, format: string): string => `campaign:${campaignId}/export.${format}`,
  setting: (name: string): string => `settings:${name}`,
  questionnaire: (key: string, version: number): string =>
    `questionnaire:${key}/version:${version}`,
};

/**
 * Records one entry in the caller's transaction, so a change that is rolled back leaves no
 * entry either. `at` is the caller's clock.
 */
export async function recordAudit(
  manager: EntityManager,
  actor: ServiceActor,
  action: AuditAction,
  target: string,
  at: Date = new Date(),
): Promise<void> {
  await manager.getRepository(AuditEntry).insert({ at, actor: auditActor(actor), action, target });
}

/** Records one entry on its own, for a read that hands something out (a report, an export). */
export function recordAuditNow(
  dataSource: DataSource,
  actor: ServiceActor,
  action: AuditAction,
  target: string,
  at: Date = new Date(),
): Promise<void> {
  return serialWrite(dataSource, () => recordAudit(dataSource.manager, actor, action, target, at));
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * An anonymised person's employee id replaced in the trail's targets by its placeholder, in
 * the anonymisation's transaction: the trail keeps what was done, not whom it was done to.
 */
export async function renameAuditEmployee(
  manager: EntityManager,
  employeeId: string,
  placeholder: string,
): Promise<void> {
  const old = auditTarget.employee(employeeId);
  const repository = manager.getRepository(AuditEntry);
  const entries = await repository
    .createQueryBuilder('entry')
    .where("entry.target = :old OR entry.target LIKE :suffix ESCAPE '\\'", {
      old,
      suffix: `%/${escapeLike(old)}`,
    })
    .getMany();
  for (const entry of entries) {
    if (entry.target === old || entry.target.endsWith(`/${old}`)) {
      const target = `${entry.target.slice(0, entry.target.length - old.length)}${auditTarget.employee(placeholder)}`;
      await repository.update({ id: entry.id }, { target });
    }
  }
}

/** The retention job's part: entries older than `before` removed; how many. */
export async function disposeAuditEntries(manager: EntityManager, before: Date): Promise<number> {
  const result = await manager.getRepository(AuditEntry).delete({ at: LessThan(before) });
  return result.affected ?? 0;
}

export interface AuditItem {
  at: string;
  actor: string;
  action: string;
  target: string;
}

/** The trail, newest first, a page at a time; for HR (both roles). */
@Injectable()
export class AuditTrail {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    actor: ServiceActor,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditItem[]; total: number }> {
    assertMayRead(actor);
    const [entries, total] = await this.dataSource.getRepository(AuditEntry).findAndCount({
      order: { at: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      items: entries.map((entry) => ({
        at: entry.at.toISOString(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
      })),
      total,
    };
  }
}
