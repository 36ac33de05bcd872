import type { ImportPreview, PeoplePageResponseDto } from '@ledarspegel/people';
import { Form, positiveInt } from './form';
import { pager } from './pager';
import type { Texts } from './texts';

export const PEOPLE_PAGE_SIZE = 50;

/** What the people page was asked for: a list (searched, by status, a page) or the tree. */
export interface PeopleQuery {
  view: 'list' | 'tree';
  q: string;
  status: 'active' | 'inactive' | 'all';
  page: number;
}

export function peopleQuery(query: Form): PeopleQuery {
  return {
    view: query.view === 'tree' ? 'tree' : 'list',
    q: typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '',
    status: query.status === 'inactive' || query.status === 'all' ? query.status : 'active',
    page: positiveInt(query.page),
  };
}

/** The people page's filters, as its form shows them. */
export const peopleFilters = ({ view, q, status }: PeopleQuery) => ({
  view,
  q,
  status,
  tree: view === 'tree',
});

/** One page of the list, with links that keep the search. */
export function peopleListView(query: PeopleQuery, result: PeoplePageResponseDto) {
  const { q, status } = query;
  return {
    ...peopleFilters(query),
    people: result.items,
    total: result.total,
    ...pager(
      query.page,
      result.total,
      PEOPLE_PAGE_SIZE,
      (to) => `/admin/people?${new URLSearchParams({ q, status, page: String(to) }).toString()}`,
    ),
  };
}

/** What a people file would change, with each changed field named in the page's language. */
export function importPreviewView(preview: ImportPreview, uploadId: string, t: Texts) {
  return {
    uploadId,
    ...preview,
    changes: preview.created.length + preview.updated.length + preview.deactivated.length,
    updated: preview.updated.map((p) => ({
      ...p,
      changes: p.changes.map((c) => t(`admin.field.${c}`)),
    })),
  };
}
