import { AUDIT_PAGE_SIZE, auditView } from './audit.view';

const t = (key: string) => `«${key}»`;

describe('auditView', () => {
  const entry = (actor: string) => ({
    at: '2026-12-07T16:00:00.000Z',
    actor,
    action: 'campaign.launched',
    target: 'campaign:c1',
  });

  it('names the system and each action in the page language', () => {
    const view = auditView(1, { items: [entry('hr@kommun.test'), entry('system')], total: 2 }, t);
    expect(view.entries.map((e) => [e.actorText, e.actionText])).toEqual([
      ['hr@kommun.test', '«admin.audit.action.campaign.launched»'],
      ['«admin.audit.system»', '«admin.audit.action.campaign.launched»'],
    ]);
    expect(view).toMatchObject({ total: 2, page: 1, pages: 1, previous: null, next: null });
  });

  it('links the pages beside this one', () => {
    const view = auditView(2, { items: [], total: AUDIT_PAGE_SIZE * 2 + 1 }, t);
    expect(view).toMatchObject({
      page: 2,
      pages: 3,
      previous: '/admin/audit?page=1',
      next: '/admin/audit?page=3',
    });
  });
});
