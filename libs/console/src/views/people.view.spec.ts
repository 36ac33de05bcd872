import type { PersonResponseDto } from '@ledarspegel/people';
import { keys } from './fixtures/view-fixtures';
import { importPreviewView, peopleListView, peopleQuery } from './people.view';

describe('the people page', () => {
  it('reads its query: a list unless the tree, a trimmed search, active unless said, page 1', () => {
    expect(peopleQuery({})).toEqual({ view: 'list', q: '', status: 'active', page: 1 });
    expect(
      peopleQuery({ view: 'tree', q: `  ${'b'.repeat(150)}`, status: 'all', page: '3' }),
    ).toEqual({ view: 'tree', q: 'b'.repeat(100), status: 'all', page: 3 });
    expect(peopleQuery({ status: 'gone', page: '0', q: ['x'] })).toMatchObject({
      status: 'active',
      page: 1,
      q: '',
    });
  });

  it('links the pages beside this one, keeping the search', () => {
    const items = [{ employeeId: 'B1', name: 'Bo Berg' } as PersonResponseDto];
    const view = peopleListView(
      { view: 'list', q: 'bo', status: 'all', page: 2 },
      { items, total: 120, page: 2, pageSize: 50 },
    );
    expect(view).toMatchObject({
      view: 'list',
      tree: false,
      people: items,
      total: 120,
      page: 2,
      pages: 3,
      previous: '/admin/people?q=bo&status=all&page=1',
      next: '/admin/people?q=bo&status=all&page=3',
    });
  });
});

describe('the import preview', () => {
  it('counts the changes and names each changed field in the language', () => {
    const view = importPreviewView(
      {
        created: [{ employeeId: 'N1', name: 'Ny', unit: 'Skola' }],
        updated: [{ employeeId: 'D1', name: 'Dan', unit: 'Skola', changes: ['name', 'manager'] }],
        deactivated: [{ employeeId: 'K1', name: 'Karin', unit: 'Stab' }],
        unchanged: 8,
      },
      'f'.repeat(32),
      keys,
    );
    expect(view).toMatchObject({ uploadId: 'f'.repeat(32), changes: 3, unchanged: 8 });
    expect(view.updated[0]?.changes).toEqual(['admin.field.name', 'admin.field.manager']);
  });
});
