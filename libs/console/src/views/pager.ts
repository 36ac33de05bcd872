/** Where a paged list stands, and the links to the pages beside this one. */
export interface Pager {
  page: number;
  pages: number;
  previous: string | null;
  next: string | null;
}

/** The pager of page `page` of `total` items, `size` a page; `link` makes a page's address. */
export function pager(
  page: number,
  total: number,
  size: number,
  link: (to: number) => string,
): Pager {
  const pages = Math.max(1, Math.ceil(total / size));
  return {
    page,
    pages,
    previous: page > 1 ? link(page - 1) : null,
    next: page < pages ? link(page + 1) : null,
  };
}
