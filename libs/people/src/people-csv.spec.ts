import fc from 'fast-check';
import { isSafeText } from '@ledarspegel/text';
import { isPlainEmailAddress } from './email-address';
import { parsePeopleCsv, readRecords } from './people-csv';
import { PeopleCsvError } from './people-csv-format';

const HEADER = 'employee_id,name,email,manager_employee_id,unit,locale';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const where = (errors: PeopleCsvError[]) =>
  errors.map(({ row, field, code }) => `${row} ${field} ${code}`);

describe('parsePeopleCsv', () => {
  it('reads a clean file, lowercasing e-mail and defaulting the locale to sv', () => {
    const result = parsePeopleCsv(
      csv('1,Anna Åberg,Anna@Kommun.SE,,Ledning,', '2,Örjan Ek,orjan@kommun.se,1,Skola,EN'),
    );
    expect(result.errors).toEqual([]);
    expect(result.people).toEqual([
      {
        employeeId: '1',
        name: 'Anna Åberg',
        email: 'anna@kommun.se',
        managerEmployeeId: null,
        unit: 'Ledning',
        locale: 'sv',
        row: 2,
      },
      {
        employeeId: '2',
        name: 'Örjan Ek',
        email: 'orjan@kommun.se',
        managerEmployeeId: '1',
        unit: 'Skola',
        locale: 'en',
        row: 3,
      },
    ]);
  });

  it('reads what Excel saves: BOM, semicolons, CRLF, quotes, columns in any order, no locale column', () => {
    const text =
      '\uFEFFUnit;Name;EMPLOYEE_ID;email;manager_employee_id\r\n"Vård; omsorg";"Berg, ""Kicki""";7;k@x.se;\r\n';
    const result = parsePeopleCsv(Buffer.from(text, 'utf8'));
    expect(result.errors).toEqual([]);
    expect(result.people[0]).toMatchObject({
      employeeId: '7',
      name: 'Berg, "Kicki"',
      unit: 'Vård; omsorg',
      locale: 'sv',
    });
  });

  it('numbers rows as the line each record starts on, across quoted line breaks and empty lines', () => {
    const result = parsePeopleCsv(csv('1,"Anna', 'Åberg",a@x.se,,A,sv', '', '2,Bo,bo@,1,A,sv'));
    // a line break is a control character: no name, id or address may hold one
    expect(where(result.errors)).toEqual(['2 name unsafe_character', '5 email invalid_email']);
  });

  it('lists every problem of every row, sorted by row and column', () => {
    const result = parsePeopleCsv(
      csv(
        '1,Anna,anna@x.se,,A,sv',
        ',Bo,bo@x.se,1,,sv',
        '3,Cilla,cilla-at-x.se,1,A,de',
        '1,Dan,dan@x.se,,A,sv',
        '5,Eva,ANNA@X.SE,77,A,sv',
        '6,Fia,fia@x.se,6,A,sv',
        `7,${'x'.repeat(201)},g@x.se,1,A,sv`,
      ),
    );
    expect(where(result.errors)).toEqual([
      '3 employee_id required',
      '3 unit required',
      '4 email invalid_email',
      '4 locale invalid_locale',
      '5 employee_id duplicate_employee_id',
      '6 email duplicate_email',
      '6 manager_employee_id unknown_manager',
      '7 manager_employee_id self_manager',
      '8 name too_long',
    ]);
    expect(result.errors.find((e) => e.code === 'duplicate_employee_id')?.message).toContain(
      'row 2',
    );
    expect(result.errors.find((e) => e.code === 'invalid_email')?.message).toContain(
      "'cilla-at-x.se'",
    );
  });

  it('reports each person of a reporting cycle', () => {
    const result = parsePeopleCsv(
      csv(
        '1,A,a@x.se,,U,',
        '2,B,b@x.se,4,U,',
        '3,C,c@x.se,2,U,',
        '4,D,d@x.se,3,U,',
        '5,E,e@x.se,6,U,',
        '6,F,f@x.se,5,U,',
      ),
    );
    expect(where(result.errors)).toEqual([
      '3 manager_employee_id reporting_cycle',
      '4 manager_employee_id reporting_cycle',
      '5 manager_employee_id reporting_cycle',
      '6 manager_employee_id reporting_cycle',
      '7 manager_employee_id reporting_cycle',
    ]);
    expect(result.errors[0]?.message).toBe('reporting cycle: 2 -> 4 -> 3 -> 2');
    expect(result.errors[3]?.message).toBe('reporting cycle: 5 -> 6 -> 5');
  });

  it.each([
    ['an empty file', '', '1 file empty_file'],
    ['a header only', `${HEADER}\n`, '2 file empty_file'],
    ['an unclosed quote', csv('1,"Anna,a@x.se,,A,sv'), '2 file malformed'],
  ])('refuses %s', (_name, text, expected) => {
    expect(where(parsePeopleCsv(text).errors)).toEqual([expected]);
  });

  it('names missing and unknown columns in the header', () => {
    const result = parsePeopleCsv('employee_id,namn,email,unit\n1,Anna,a@x.se,A\n');
    expect(where(result.errors)).toEqual([
      '1 namn unknown_column',
      '1 name missing_column',
      '1 manager_employee_id missing_column',
    ]);
  });

  // its speed is measured by `npm run bench -- import`, never by a timed test
  it('handles 50,000 people in a single reporting chain without recursion', () => {
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `${i},P${i},p${i}@x.se,${i === 0 ? '' : i - 1},U,sv`,
    );
    const result = parsePeopleCsv(csv(...rows));
    expect(result.errors).toEqual([]);
    expect(result.people).toHaveLength(50_000);
  });
});

describe('parsePeopleCsv: one plain address, no hidden characters', () => {
  it('refuses an address in group syntax, with a name, a comment or a second address', () => {
    const result = parsePeopleCsv(
      csv(
        '1,Anna,anna.svensson:attacker@evil.example,,A,sv',
        '2,Bo,"Bo <bo@x.se>",1,A,sv',
        '3,Cilla,cilla@x.se (Cilla),1,A,sv',
        '4,Dan,"dan@x.se, eve@evil.example",1,A,sv',
        '5,Eva,"""e v""@x.se",1,A,sv',
        '6,Fia,fia@x.se,1,A,sv',
      ),
    );
    expect(where(result.errors)).toEqual([
      '2 email invalid_email',
      '3 email invalid_email',
      '4 email invalid_email',
      '5 email invalid_email',
      '6 email invalid_email',
    ]);
  });

  it('refuses control, zero-width and bidirectional characters in every field, by row and field', () => {
    const result = parsePeopleCsv(
      csv(
        '1,Anna,anna@x.se,,Ledning,sv',
        '2\u0000,Bo,bo@x.se,1,A,sv',
        '3,Cil\u0000la,cilla@x.se,1,A,sv',
        '4,Dan,dan\u200b@x.se,1,A,sv',
        '5,Eva,eva@x.se,1\u200d,A,sv',
        '6,Fia,fia@x.se,1,Vård\u202Egnisnepmok,sv',
        '7,Gun,gun@x.se,1,A,s\u2066v',
        '8,Hans\u0007,hans@x.se,1,A\u0001,sv',
      ),
    );
    expect(where(result.errors)).toEqual([
      '3 employee_id unsafe_character',
      '4 name unsafe_character',
      '5 email unsafe_character',
      '6 manager_employee_id unsafe_character',
      '7 unit unsafe_character',
      '8 locale unsafe_character',
      '9 name unsafe_character',
      '9 unit unsafe_character',
    ]);
    expect(result.errors[0]?.message).toBe(
      'employee_id contains a control character (U+0000) at character 2; remove it',
    );
    expect(result.errors[4]?.message).toContain('bidirectional text control (U+202E)');
    // no message repeats the hidden character itself
    for (const error of result.errors) {
      expect(isSafeText(error.message)).toBe(true);
    }
    expect(result.people.map((p) => p.employeeId)).toEqual(['1']);
  });

  it('refuses a header with a hidden character without repeating it', () => {
    const result = parsePeopleCsv(
      'employee_id,name,email\u202E,manager_employee_id,unit\n1,A,a@x.se,,U\n',
    );
    expect(where(result.errors)).toEqual([
      '1 email<U+202E> unknown_column',
      '1 email missing_column',
    ]);
  });
});

describe('parsePeopleCsv on any input', () => {
  const cell = fc.string({
    unit: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom(
        '"',
        ',',
        ';',
        '\r',
        '\n',
        '@',
        ':',
        '<',
        '>',
        '\u0000',
        '\u202e',
        '\u200b',
        'a',
        '1',
      ),
    ),
    maxLength: 12,
  });
  const file = fc
    .tuple(
      fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 6 }),
      fc.constantFrom(',', ';'),
      fc.boolean(),
    )
    .map(([rows, separator, header]) =>
      [...(header ? [[HEADER]] : []), ...rows].map((cells) => cells.join(separator)).join('\n'),
    );

  it('never throws; refuses by row and field; accepts only clean people', () => {
    fc.assert(
      fc.property(file, (text) => {
        const { people, errors } = parsePeopleCsv(text);
        for (const error of errors) {
          expect(error.row).toBeGreaterThanOrEqual(1);
          expect(error.field).not.toBe('');
          expect(isSafeText(error.message)).toBe(true);
        }
        if (errors.length === 0) {
          for (const person of people) {
            for (const value of [person.employeeId, person.name, person.email, person.unit]) {
              expect(isSafeText(value)).toBe(true);
            }
            expect(isPlainEmailAddress(person.email)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readRecords', () => {
  const field = fc.stringMatching(/^[a-zå@. \t]{0,6}$/);
  const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
  const line = fc.oneof(
    { weight: 8, arbitrary: fc.array(field, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom([''], ['  '], ['\t'], ['"a', 'b"'], ['"x\ny"']) },
  );
  const text = fc
    .tuple(
      fc.array(fc.tuple(line, lineBreak), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(',', ';'),
      fc.boolean(),
    )
    .map(([lines, delimiter, trailingBreak]) => ({
      delimiter,
      text:
        lines.map(([fields, end]) => `${fields.join(delimiter)}${end}`).join('') +
        (trailingBreak ? '' : 'z'),
    }));

  it('reads a file without quotes or blank lines as the full reading does, rows included', () => {
    fc.assert(
      fc.property(text, ({ text: source, delimiter }) => {
        const full = (() => {
          try {
            return readRecords(source, delimiter, false);
          } catch (error) {
            return (error as Error).message;
          }
        })();
        const chosen = (() => {
          try {
            return readRecords(source, delimiter);
          } catch (error) {
            return (error as Error).message;
          }
        })();
        expect(chosen).toEqual(full);
      }),
      { numRuns: 500 },
    );
  });
});
