import { pager } from './pager';

const link = (to: number) => `?page=${to}`;

describe('the pager', () => {
  it('has one page, and no links, for nothing', () => {
    expect(pager(1, 0, 50, link)).toEqual({ page: 1, pages: 1, previous: null, next: null });
  });

  it('links both ways in the middle, and only back on the last page', () => {
    expect(pager(2, 101, 50, link)).toEqual({
      page: 2,
      pages: 3,
      previous: '?page=1',
      next: '?page=3',
    });
    expect(pager(3, 101, 50, link)).toMatchObject({ previous: '?page=2', next: null });
  });

  it('links back from a page past the end', () => {
    expect(pager(9, 100, 50, link)).toEqual({ page: 9, pages: 2, previous: '?page=8', next: null });
  });
});
