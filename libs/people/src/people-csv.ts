/**
 * Reads and checks the people CSV (INTERFACE.md). Pure: no Nest, no database. The file is the
 * whole organisation, so a manager must be in the same file. Every problem is reported with the
 * row a spreadsheet shows (header = row 1) and the column, so HR can fix the file in one go.
 */
import { parse } from 'csv-parse/sync';
import {
  describeUnsafeCharacter,
  findUnsafeCharacter,
  showUnsafeCharacters,
} from '@ledarspegel/text';
import { isPlainEmailAddress } from './email-address';
import {
  MAX_LENGTH,
  PEOPLE_CSV_COLUMNS,
  PeopleCsvColumn,
  PeopleCsvError,
  PeopleCsvErrorCode,
  PeopleCsvResult,
  PersonRecord,
  REQUIRED_COLUMNS,
} from './people-csv-format';
import { findReportingCycles } from './reporting-cycles';

function detectDelimiter(headerLine: string): ',' | ';' {
  const commas = headerLine.split(',').length;
  const semicolons = headerLine.split(';').length;
  return semicolons > commas ? ';' : ',';
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** A record as read, with the row a spreadsheet shows it on (header = row 1). */
interface ParsedRecord {
  record: string[];
  row: number;
}

const PARSE_OPTIONS = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  skip_empty_lines: true,
  trim: true,
};

/** A line that is empty or blank, before the last line break (a CRLF is one line break). */
const BLANK_LINE = /(?:^|\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r)/;

/**
 * The records with the row each starts on, as an editor or a spreadsheet shows it: a quoted
 * field spanning lines does not shift the rows after it, and skipped empty lines still count.
 * A file without quotes or blank lines has one record per line, so its rows follow from the
 * order alone; the parser's per-record line counts (a third of its time) serve the rest.
 */
export function readRecords(
  text: string,
  delimiter: ',' | ';',
  simple = !text.includes('"') && !BLANK_LINE.test(text),
): ParsedRecord[] {
  if (simple) {
    const records = parse(text, { ...PARSE_OPTIONS, delimiter }) as string[][];
    return records.map((record, index) => ({ record, row: index + 1 }));
  }
  const records = parse(text, { ...PARSE_OPTIONS, delimiter, info: true, raw: true }) as {
    record: string[];
    raw: string;
    info: { lines: number };
  }[];
  return records.map(({ record, raw: source, info }) => {
    // `raw` holds the skipped empty lines before the record and its own line break after it.
    const recordText = source.replace(/^[\r\n]+/, '').replace(/(?:\r\n|\n|\r)$/, '');
    const innerLineBreaks = (recordText.match(/\r\n|\n|\r/g) ?? []).length;
    return { record, row: info.lines - innerLineBreaks };
  });
}

interface RawRecord {
  row: number;
  values: Partial<Record<PeopleCsvColumn, string>>;
}

export function parsePeopleCsv(input: string | Buffer): PeopleCsvResult {
  const text = (Buffer.isBuffer(input) ? input.toString('utf8') : input).replace(/^\uFEFF/, '');
  const errors: PeopleCsvError[] = [];
  const fail = (row: number, field: string, code: PeopleCsvErrorCode, message: string): void => {
    errors.push({ row, field, code, message });
  };

  if (text.trim() === '') {
    fail(
      1,
      'file',
      'empty_file',
      'the file is empty; it needs a header row and one row per person',
    );
    return { people: [], errors };
  }

  let records: ParsedRecord[];
  try {
    records = readRecords(text, detectDelimiter(firstLine(text)));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = showUnsafeCharacters((error as Error).message);
    fail(line ?? 1, 'file', 'malformed', `the file is not valid CSV: ${reason}`);
    return { people: [], errors };
  }

  const [header, ...body] = records;
  if (!header) {
    fail(
      1,
      'file',
      'empty_file',
      'the file is empty; it needs a header row and one row per person',
    );
    return { people: [], errors };
  }

  // Column positions by name; order is free, names ignore case and surrounding spaces.
  const position = new Map<PeopleCsvColumn, number>();
  header.record.forEach((name, index) => {
    const column = name.trim().toLowerCase();
    if ((PEOPLE_CSV_COLUMNS as readonly string[]).includes(column)) {
      if (position.has(column as PeopleCsvColumn)) {
        fail(1, column, 'unknown_column', `the column '${column}' appears twice`);
      }
      position.set(column as PeopleCsvColumn, index);
    } else {
      const shown = showUnsafeCharacters(name);
      fail(
        1,
        shown || `column ${index + 1}`,
        'unknown_column',
        `unknown column '${shown}'; the columns are ${PEOPLE_CSV_COLUMNS.join(', ')}`,
      );
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!position.has(column)) {
      fail(1, column, 'missing_column', `the header has no '${column}' column`);
    }
  }
  if (errors.length > 0) {
    return { people: [], errors };
  }
  if (body.length === 0) {
    fail(2, 'file', 'empty_file', 'the file has a header but no people');
    return { people: [], errors };
  }

  const raw: RawRecord[] = body.map(({ record, row }) => {
    const values: Partial<Record<PeopleCsvColumn, string>> = {};
    for (const [column, index] of position) {
      values[column] = (record[index] ?? '').trim();
    }
    return { row, values };
  });

  const people: PersonRecord[] = [];
  const firstRowOfId = new Map<string, number>();
  const firstRowOfEmail = new Map<string, number>();
  for (const { row, values } of raw) {
    let valid = true;
    const unsafe = new Set<PeopleCsvColumn>();
    // A value with a control or invisible character is reported as that alone and checked no
    // further, so no other message echoes it.
    for (const column of PEOPLE_CSV_COLUMNS) {
      const found = findUnsafeCharacter(values[column] ?? '');
      if (found) {
        fail(row, column, 'unsafe_character', `${column} ${describeUnsafeCharacter(found)}`);
        delete values[column];
        unsafe.add(column);
        valid = false;
      }
    }
    for (const column of PEOPLE_CSV_COLUMNS) {
      const value = values[column] ?? '';
      if (value.length > MAX_LENGTH[column] && column !== 'locale') {
        fail(
          row,
          column,
          'too_long',
          `'${value.slice(0, 20)}...' is longer than ${MAX_LENGTH[column]} characters`,
        );
        valid = false;
      }
    }
    for (const column of ['employee_id', 'name', 'email', 'unit'] as const) {
      if (!values[column] && !unsafe.has(column)) {
        fail(row, column, 'required', `${column} is required`);
        valid = false;
      }
    }
    const employeeId = values.employee_id ?? '';
    const email = (values.email ?? '').toLowerCase();
    const plainEmail = email !== '' && isPlainEmailAddress(email);
    if (email && !plainEmail) {
      fail(
        row,
        'email',
        'invalid_email',
        `'${values.email}' is not a plain e-mail address (one address, no name, group or comment)`,
      );
      valid = false;
    }
    const localeText = (values.locale ?? '').toLowerCase();
    if (localeText !== '' && localeText !== 'sv' && localeText !== 'en') {
      fail(
        row,
        'locale',
        'invalid_locale',
        `'${values.locale}' is not a language we have; use sv or en`,
      );
      valid = false;
    }
    if (employeeId) {
      const first = firstRowOfId.get(employeeId);
      if (first !== undefined) {
        fail(
          row,
          'employee_id',
          'duplicate_employee_id',
          `'${employeeId}' is already used on row ${first}`,
        );
        valid = false;
      } else {
        firstRowOfId.set(employeeId, row);
      }
    }
    if (plainEmail) {
      const first = firstRowOfEmail.get(email);
      if (first !== undefined) {
        fail(row, 'email', 'duplicate_email', `'${values.email}' is already used on row ${first}`);
        valid = false;
      } else {
        firstRowOfEmail.set(email, row);
      }
    }
    const managerEmployeeId = values.manager_employee_id || null;
    if (managerEmployeeId !== null && managerEmployeeId === employeeId) {
      fail(
        row,
        'manager_employee_id',
        'self_manager',
        `'${employeeId}' cannot be their own manager`,
      );
      valid = false;
    }
    if (valid) {
      people.push({
        employeeId,
        name: values.name ?? '',
        email,
        managerEmployeeId,
        unit: values.unit ?? '',
        locale: localeText === 'en' ? 'en' : 'sv',
        row,
      });
    }
  }

  // Managers must be people of this file (the file is the whole organisation).
  for (const { row, values } of raw) {
    const manager = values.manager_employee_id;
    if (manager && manager !== values.employee_id && !firstRowOfId.has(manager)) {
      fail(
        row,
        'manager_employee_id',
        'unknown_manager',
        `no one in the file has the employee_id '${manager}'`,
      );
    }
  }

  const rowOf = new Map(people.map((person) => [person.employeeId, person.row]));
  for (const cycle of findReportingCycles(
    people.filter((p) => p.managerEmployeeId === null || rowOf.has(p.managerEmployeeId)),
  )) {
    const description = [...cycle, cycle[0]].join(' -> ');
    for (const id of cycle) {
      fail(
        rowOf.get(id) ?? 0,
        'manager_employee_id',
        'reporting_cycle',
        `reporting cycle: ${description}`,
      );
    }
  }

  const columnOrder = (field: string): number => {
    const index = (PEOPLE_CSV_COLUMNS as readonly string[]).indexOf(field);
    return index < 0 ? PEOPLE_CSV_COLUMNS.length : index;
  };
  errors.sort((a, b) => a.row - b.row || columnOrder(a.field) - columnOrder(b.field));
  return { people, errors };
}
