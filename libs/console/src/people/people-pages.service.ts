import { Injectable } from '@nestjs/common';
import { PeopleRepository, PeopleService } from '@ledarspegel/people';
import { ConsoleView, page } from '../rendering/console-view';
import type { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { organisationTree } from '../views/organisation-tree.view';
import { PEOPLE_PAGE_SIZE, peopleFilters, peopleListView, peopleQuery } from '../views/people.view';

/** The organisation: a list to search, or the tree by manager. */
@Injectable()
export class PeoplePages {
  constructor(
    private readonly people: PeopleService,
    private readonly repository: PeopleRepository,
  ) {}

  async list(session: ConsoleSession, form: Form): Promise<ConsoleView> {
    const query = peopleQuery(form);
    const context =
      query.view === 'tree'
        ? {
            ...peopleFilters(query),
            roots: organisationTree(await this.repository.activeOrganisation()),
          }
        : peopleListView(
            query,
            await this.people.list(session.actor, {
              q: query.q || undefined,
              status: query.status,
              page: query.page,
              pageSize: PEOPLE_PAGE_SIZE,
            }),
          );
    return page({
      section: 'people',
      template: 'pages/admin/people',
      title: 'admin.people.title',
      context,
    });
  }
}
