import { pager } from './pager';

export const MAIL_PAGE_SIZE = 50;

/** One page of the outgoing mail, newest first, with links to the pages beside it. */
export const mailListView = <T>(page: number, items: T[], total: number) => ({
  items,
  total,
  ...pager(page, total, MAIL_PAGE_SIZE, (to) => `/admin/mail?page=${to}`),
});
