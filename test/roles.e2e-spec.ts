/**
 * Roles (issue 15, point 2): an HR `reader` may read progress, results, reports and exports but
 * change nothing. Every changing route is found in the running app (Nest's controllers, checked
 * against Fastify's routes), not listed by hand: a reader gets 403 on each, from the service's
 * `assertMayChange`, and the database is the same after. A new changing route fails here until
 * it has an example request below and refuses a reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { CONSOLE_ACCESS } from '@ledarspegel/console';
import { IS_PUBLIC } from '@ledarspegel/core';
import { importOrganisation, ORGANISATION } from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { snapshotDatabase } from './support/database-snapshot';
import {
  createTestApp,
  signInAsAdmin,
  signInAsReader,
  TEST_READER,
  TestApp,
} from './support/test-app';

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  consoleAccess: string | undefined;
}

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const joinPath = (...parts: (string | undefined)[]) =>
  `/${parts
    .filter((part): part is string => typeof part === 'string' && part !== '' && part !== '/')
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .join('/')}`;

/** Every route of every controller the app loaded, with its method and whether it is public. */
function appRoutes(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) {
        continue;
      }
      const bases = [Reflect.getMetadata(PATH_METADATA, type) as string | string[]].flat();
      const prototype = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') {
          continue;
        }
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) {
          continue;
        }
        const method = String(
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        );
        const isPublic =
          (Reflect.getMetadata(IS_PUBLIC, handler) as boolean | undefined) ??
          (Reflect.getMetadata(IS_PUBLIC, type) as boolean | undefined) ??
          false;
        const consoleAccess = Reflect.getMetadata(CONSOLE_ACCESS, handler) as string | undefined;
        for (const base of bases) {
          for (const path of [paths].flat()) {
            routes.push({ method, path: joinPath(base, path), isPublic, consoleAccess });
          }
        }
      }
    }
  }
  return routes;
}

/**
 * One request per changing API route that would pass its validation, so the 403 can only come
 * from the role check. A new route needs a line here (the test says which).
 */
/** One of the organisation's own questionnaires: a copy of a seed, made by the admin. */
const OWN_QUESTIONNAIRE = {
  ...(JSON.parse(
    fs.readFileSync(path.join(__dirname, '../seeds/questionnaires/kalix-ledarplan.json'), 'utf8'),
  ) as Record<string, unknown>),
  key: 'egen-ledarplan',
};

const API_EXAMPLES: Record<string, { body?: unknown; csv?: string }> = {
  'POST /api/v1/campaigns': {
    body: {
      name: 'Läsarens kampanj',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['C1'] },
    },
  },
  'POST /api/v1/campaigns/:id/raters': {
    body: { subjectEmployeeId: 'B1', raterEmployeeId: 'J1', relationship: 'peer' },
  },
  'DELETE /api/v1/campaigns/:id/raters/:subjectEmployeeId/:raterEmployeeId': {},
  'POST /api/v1/campaigns/:id/launch': {},
  'POST /api/v1/campaigns/:id/close': {},
  'POST /api/v1/campaigns/:id/nominations/open': {},
  'PUT /api/v1/campaigns/:id/nominations/:employeeId': {
    body: { raters: [{ employeeId: 'J1', relationship: 'peer' }] },
  },
  'POST /api/v1/campaigns/:id/nominations/:employeeId/approve': {},
  'POST /api/v1/campaigns/:id/nominations/remind': {},
  'POST /api/v1/campaigns/:id/pulse': { body: {} },
  'POST /api/v1/people/import': {
    csv: ORGANISATION.split('\n')
      .filter((line) => !line.startsWith('K1,'))
      .join('\n'),
  },
  'POST /api/v1/people/:employeeId/anonymise': {},
  'PUT /api/v1/settings/retention': { body: { reportsMonths: 24, inactivePeopleMonths: 12 } },
  'POST /api/v1/questionnaires': { body: { ...OWN_QUESTIONNAIRE, key: 'lasarens-enkat' } },
  'PUT /api/v1/questionnaires/:key': { body: OWN_QUESTIONNAIRE },
};

/** Console forms that change no data, for every role: signing out. */
const FORMS_FOR_EVERY_ROLE = new Set(['/admin/logout']);

const READ_ONLY_MESSAGE = 'Your role may read but not change anything.';

describe('roles: a reader reads, only an admin changes', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let adminToken: string;
  let readerToken: string;
  let campaignId: string;
  let routes: Route[];

  /** A route's path with real ids: a request that forgot the check would really change things. */
  const concrete = (path: string): string =>
    path.replace(/:(\w+)/g, (_match, name: string) => {
      const values: Record<string, string> = {
        id: campaignId,
        employeeId: 'B1',
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'D1',
        key: OWN_QUESTIONNAIRE.key,
      };
      const value = values[name];
      if (!value) {
        throw new Error(`no value for :${name} in ${path}: add one to concrete()`);
      }
      return value;
    });

  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    adminToken = await signInAsAdmin(t);
    readerToken = await signInAsReader(t);
    await importOrganisation(t, adminToken);
    const created = await t.http
      .post('/api/v1/campaigns')
      .set('authorization', `Bearer ${adminToken}`)
      .send({
        name: 'Vår 2027',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1'] },
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    await t.http
      .post('/api/v1/questionnaires')
      .set('authorization', `Bearer ${adminToken}`)
      .send(OWN_QUESTIONNAIRE)
      .expect(201);
    routes = appRoutes(t);
  });

  afterAll(() => t?.close());

  it('finds the routes in the running app, as Fastify serves them', () => {
    const fastify: FastifyInstance = t.app.getHttpAdapter().getInstance();
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes.filter((r) => r.method !== 'ALL')) {
      expect({
        ...route,
        served: fastify.hasRoute({ method: route.method, url: route.path }),
      }).toMatchObject({ served: true });
    }
  });

  describe('the API', () => {
    const changing = () =>
      routes.filter((r) => CHANGING.has(r.method) && !r.isPublic && r.path.startsWith('/api/v1/'));

    it('has an example request for every changing route', () => {
      const keys = changing().map((r) => `${r.method} ${r.path}`);
      expect(keys.length).toBeGreaterThanOrEqual(13);
      expect(keys.filter((key) => !(key in API_EXAMPLES))).toEqual([]);
    });

    it('answers a reader 403 on every changing route, and nothing changes', async () => {
      for (const route of changing()) {
        const example = API_EXAMPLES[`${route.method} ${route.path}`] ?? {};
        const before = await snapshotDatabase(dataSource);
        let request = t.http[route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](
          concrete(route.path),
        ).set('authorization', `Bearer ${readerToken}`);
        if (example.csv !== undefined) {
          request = request.set('content-type', 'text/csv').send(example.csv);
        } else if (example.body !== undefined) {
          request = request.send(example.body as object);
        }
        const response = await request;
        expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: 403,
        });
        expect(response.body).toMatchObject({ statusCode: 403, message: READ_ONLY_MESSAGE });
        expect(await snapshotDatabase(dataSource)).toEqual(before);
      }
    });

    it('lets a reader read: campaigns, progress, people, extract, retention', async () => {
      const read = (path: string) =>
        t.http.get(path).set('authorization', `Bearer ${readerToken}`).expect(200);
      await read('/api/v1/campaigns');
      await read(`/api/v1/campaigns/${campaignId}`);
      await read(`/api/v1/campaigns/${campaignId}/raters`);
      await read('/api/v1/people');
      await read('/api/v1/people/B1');
      await read('/api/v1/people/B1/extract');
      await read('/api/v1/settings/retention');
    });

    it('still lets an admin change (the examples are valid requests)', async () => {
      await t.http
        .put('/api/v1/settings/retention')
        .set('authorization', `Bearer ${adminToken}`)
        .send(API_EXAMPLES['PUT /api/v1/settings/retention']?.body as object)
        .expect(200);
      await t.http
        .post(`/api/v1/campaigns/${campaignId}/raters`)
        .set('authorization', `Bearer ${adminToken}`)
        .send(API_EXAMPLES['POST /api/v1/campaigns/:id/raters']?.body as object)
        .expect(201);
    });
  });

  describe('the console', () => {
    let reader: { cookie: string; csrf: string };
    let admin: { cookie: string; csrf: string };
    const forms = () =>
      routes.filter(
        (r) =>
          r.method === 'POST' &&
          r.path.startsWith('/admin/') &&
          r.consoleAccess !== 'sign-in' &&
          !FORMS_FOR_EVERY_ROLE.has(r.path),
      );
    const postForms = (html: string) =>
      [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1]);

    beforeAll(async () => {
      reader = await consoleSession(t, TEST_READER);
      admin = await consoleSession(t);
    });

    it('answers a reader’s form 403 (a page) on every form, and nothing changes', async () => {
      expect(forms().length).toBeGreaterThanOrEqual(12);
      for (const route of forms()) {
        const before = await snapshotDatabase(dataSource);
        const response = await t.http
          .post(concrete(route.path))
          .set('cookie', reader.cookie)
          .type('form')
          .send({
            _csrf: reader.csrf,
            confirm: 'yes',
            subject: 'B1',
            rater: 'J1',
            relationship: 'peer',
            reportsMonths: '24',
            inactivePeopleMonths: '12',
          });
        expect({ route: route.path, status: response.status }).toEqual({
          route: route.path,
          status: 403,
        });
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.text).toContain('Ditt konto får inte ändra det här');
        expect(await snapshotDatabase(dataSource)).toEqual(before);
      }
    });

    it('refuses a reader the pages that are forms for a change', async () => {
      for (const path of [
        '/admin/campaigns/new',
        '/admin/people/import',
        `/admin/campaigns/${campaignId}/launch`,
        `/admin/campaigns/${campaignId}/nominations/B1`,
        '/admin/questionnaires/new',
        '/admin/questionnaires/new?from=huddinge-ledarskap',
        `/admin/questionnaires/${OWN_QUESTIONNAIRE.key}/edit`,
        '/admin/questionnaires/import',
      ]) {
        const response = await t.http.get(path).set('cookie', reader.cookie);
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
      }
    });

    it('shows a reader their role and no form that changes; an admin sees them all', async () => {
      const pages = [
        '/admin',
        '/admin/people',
        `/admin/campaigns/${campaignId}`,
        '/admin/questionnaires',
      ];
      for (const path of [...pages, '/admin/settings/retention']) {
        const page = await t.http.get(path).set('cookie', reader.cookie).expect(200);
        expect(page.text).toContain('(endast läsning)');
        expect(postForms(page.text)).toEqual(['/admin/logout']);
        expect(page.text).not.toContain('href="/admin/campaigns/new"');
        expect(page.text).not.toContain('href="/admin/people/import"');
        expect(page.text).not.toContain(`href="/admin/campaigns/${campaignId}/launch"`);
        expect(page.text).not.toMatch(/href="\/admin\/questionnaires\/(new|import|[^"]+\/edit)/);
      }
      const english = await t.http.get('/admin?lang=en').set('cookie', reader.cookie).expect(200);
      expect(english.text).toContain('(read only)');

      const home = await t.http.get('/admin').set('cookie', admin.cookie).expect(200);
      expect(home.text).toContain('(administratör)');
      expect(home.text).toContain('href="/admin/campaigns/new"');
      const questionnaires = await t.http
        .get('/admin/questionnaires')
        .set('cookie', admin.cookie)
        .expect(200);
      expect(questionnaires.text).toContain('href="/admin/questionnaires/new"');
      expect(questionnaires.text).toContain(
        `href="/admin/questionnaires/${OWN_QUESTIONNAIRE.key}/edit"`,
      );
      const people = await t.http.get('/admin/people').set('cookie', admin.cookie).expect(200);
      expect(people.text).toContain('href="/admin/people/import"');
      const setup = await t.http
        .get(`/admin/campaigns/${campaignId}`)
        .set('cookie', admin.cookie)
        .expect(200);
      expect(postForms(setup.text)).toEqual(
        expect.arrayContaining([`/admin/campaigns/${campaignId}/raters`]),
      );
      const retention = await t.http
        .get('/admin/settings/retention')
        .set('cookie', admin.cookie)
        .expect(200);
      expect(postForms(retention.text)).toContain('/admin/settings/retention');
    });
  });
});
