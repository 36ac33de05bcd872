import fs from 'node:fs';
import path from 'node:path';
import { PeopleService } from '@ledarspegel/people';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', 'seeds', 'people-example.csv'), 'utf8');

interface ErrorDetail {
  row: number;
  field: string;
  code: string;
  message: string;
}

describe('people', () => {
  let t: TestApp;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });
  const importCsv = (csv: string | Buffer, type = 'text/csv; charset=utf-8') =>
    t.http.post('/api/v1/people/import').set(auth()).set('content-type', type).send(csv);
  const count = async (status = 'all') =>
    (
      (await t.http.get(`/api/v1/people?status=${status}`).set(auth()).expect(200)).body as {
        total: number;
      }
    ).total;

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
  });
  afterAll(() => t.close());

  it('needs HR sign-in', async () => {
    await t.http
      .post('/api/v1/people/import')
      .set('content-type', 'text/csv')
      .send(EXAMPLE)
      .expect(401);
    await t.http.get('/api/v1/people').expect(401);
    await t.http.get('/api/v1/people/1001').expect(401);
    expect(await count()).toBe(0);
  });

  it('refuses a service call that carries no actor (a route that forgot its guard)', async () => {
    const people = t.app.get(PeopleService);
    const forbidden = expect.objectContaining({ code: 'forbidden' });
    await expect(people.importCsv(null as never, EXAMPLE)).rejects.toEqual(forbidden);
    await expect(people.previewCsv(null as never, EXAMPLE)).rejects.toEqual(forbidden);
    await expect(people.list(null as never, {} as never)).rejects.toEqual(forbidden);
    await expect(people.get(null as never, '1001')).rejects.toEqual(forbidden);
    expect(await count()).toBe(0);
  });

  it('rejects a file with errors as a whole, listing each by row and field', async () => {
    const csv = [
      'employee_id,name,email,manager_employee_id,unit,locale',
      '1,Anna Ek,anna@kommun.se,,Ledning,sv',
      '2,,bertil@kommun.se,1,Ledning,sv', // missing name
      '3,Cecilia Åberg,cecilia@,1,Ledning,sv', // bad e-mail
      '4,David Öst,david@kommun.se,99,Ledning,sv', // unknown manager
      '5,Eva Berg,ANNA@kommun.se,1,Ledning,de', // duplicate e-mail, bad locale
      '1,Anna Ek igen,anna2@kommun.se,,Ledning,sv', // duplicate id
      '6,Filip Rask,filip@kommun.se,7,Skola,sv', // cycle 6 -> 7 -> 6
      '7,Greta Holm,greta@kommun.se,6,Skola,sv',
    ].join('\n');
    const response = await importCsv(csv).expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity' });
    const details = (response.body as { details: ErrorDetail[] }).details.map(
      ({ row, field, code }) => ({ row, field, code }),
    );
    expect(details).toEqual(
      expect.arrayContaining([
        { row: 3, field: 'name', code: 'required' },
        { row: 4, field: 'email', code: 'invalid_email' },
        { row: 5, field: 'manager_employee_id', code: 'unknown_manager' },
        { row: 6, field: 'email', code: 'duplicate_email' },
        { row: 6, field: 'locale', code: 'invalid_locale' },
        { row: 7, field: 'employee_id', code: 'duplicate_employee_id' },
        { row: 8, field: 'manager_employee_id', code: 'reporting_cycle' },
        { row: 9, field: 'manager_employee_id', code: 'reporting_cycle' },
      ]),
    );
    expect(await count()).toBe(0);
  });

  it('imports a file and reports what it created', async () => {
    const response = await importCsv(EXAMPLE).expect(200);
    expect(response.body).toEqual({ created: 12, updated: 0, unchanged: 0, deactivated: 0 });
    const person = await t.http.get('/api/v1/people/1003').set(auth()).expect(200);
    expect(person.body).toEqual({
      employeeId: '1003',
      name: 'Maria Åkesson',
      email: 'maria.akesson@exempel.kommun.se',
      managerEmployeeId: '1002',
      unit: 'Förskolan Solrosen',
      locale: 'sv',
      active: true,
      directReports: ['1004', '1005', '1006', '1007'],
    });
    const quoted = await t.http.get('/api/v1/people/1011').set(auth()).expect(200);
    expect((quoted.body as { name: string }).name).toBe('Berg, Ingrid');
  });

  it('re-imports by employee id: updates, keeps, and deactivates without deleting', async () => {
    const lines = EXAMPLE.trim().split('\n');
    const changed = lines
      .filter((line) => !line.startsWith('1012,')) // Olof leaves
      .map((line) => (line.startsWith('1007,') ? line.replace('Sara Ek', 'Sara Ekström') : line))
      .join('\r\n');
    // semicolons, CRLF and a byte order mark, as Excel saves it
    const excel = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(changed.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'), 'utf8'),
    ]);
    const response = await importCsv(excel).expect(200);
    expect(response.body).toEqual({ created: 0, updated: 1, unchanged: 10, deactivated: 1 });
    const olof = await t.http.get('/api/v1/people/1012').set(auth()).expect(200);
    expect((olof.body as { active: boolean }).active).toBe(false);
    const sara = await t.http.get('/api/v1/people/1007').set(auth()).expect(200);
    expect((sara.body as { name: string }).name).toBe('Sara Ekström');
    expect(await count('active')).toBe(11);
    expect(await count('all')).toBe(12);
    // back again: reactivated counts as updated
    const again = await importCsv(EXAMPLE).expect(200);
    expect(again.body).toEqual({ created: 0, updated: 2, unchanged: 10, deactivated: 0 });
  });

  it('lists people page by page, searchable and by unit', async () => {
    const first = await t.http.get('/api/v1/people?pageSize=5').set(auth()).expect(200);
    expect(first.body).toMatchObject({ total: 12, page: 1, pageSize: 5 });
    const third = await t.http.get('/api/v1/people?pageSize=5&page=3').set(auth()).expect(200);
    expect((third.body as { items: unknown[] }).items).toHaveLength(2);
    const names = (body: unknown) =>
      (body as { items: { name: string }[] }).items.map((p) => p.name);
    expect(names(first.body)).toEqual([...names(first.body)].sort((a, b) => (a < b ? -1 : 1)));
    const search = await t.http.get('/api/v1/people?q=WALLIN').set(auth()).expect(200);
    expect(names(search.body)).toEqual(['Emma Wallin']);
    const unit = await t.http
      .get(`/api/v1/people?unit=${encodeURIComponent('Tekniska förvaltningen')}`)
      .set(auth());
    expect((unit.body as { total: number }).total).toBe(3);
    const bad = await t.http.get('/api/v1/people?pageSize=9999&page=0').set(auth()).expect(422);
    const fields = (bad.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['page', 'pageSize']));
  });

  it('answers 404 for an unknown employee id', async () => {
    const response = await t.http.get('/api/v1/people/nope').set(auth()).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('refuses other content types with 415 and files over the limit with 413', async () => {
    await t.http.post('/api/v1/people/import').set(auth()).send({ csv: EXAMPLE }).expect(415);
    await importCsv(EXAMPLE, 'application/xml').expect(415);
    const header = 'employee_id,name,email,manager_employee_id,unit,locale\n';
    const huge = header + 'x'.repeat(11 * 1024 * 1024);
    const response = await importCsv(huge).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(await count('active')).toBe(12);
  });

  it('refuses an empty or headerless file with 422', async () => {
    await importCsv('employee_id,name,email,manager_employee_id,unit,locale\n').expect(422);
    await importCsv('id;namn\n1;Anna').expect(422);
    expect(await count('active')).toBe(12);
  });
});
