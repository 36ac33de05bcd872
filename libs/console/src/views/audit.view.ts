import type { AuditItem } from '@ledarspegel/auth';
import { pager } from './pager';
import type { Texts } from './texts';

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit trail: each action in words, the system named as such, a pager. */
export function auditView(page: number, result: { items: AuditItem[]; total: number }, t: Texts) {
  return {
    entries: result.items.map((item) => ({
      ...item,
      actorText: item.actor === 'system' ? t('admin.audit.system') : item.actor,
      actionText: t(`admin.audit.action.${item.action}`),
    })),
    total: result.total,
    ...pager(page, result.total, AUDIT_PAGE_SIZE, (to) => `/admin/audit?page=${to}`),
  };
}
