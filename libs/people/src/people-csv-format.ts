/** The people file (INTERFACE.md): its columns and their limits, what a row becomes, its errors. */
export const PEOPLE_CSV_COLUMNS = [
  'employee_id',
  'name',
  'email',
  'manager_employee_id',
  'unit',
  'locale',
] as const;
export type PeopleCsvColumn = (typeof PEOPLE_CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly PeopleCsvColumn[] = [
  'employee_id',
  'name',
  'email',
  'manager_employee_id',
  'unit',
];

export type Locale = 'sv' | 'en';

export interface PersonRecord {
  employeeId: string;
  name: string;
  email: string;
  managerEmployeeId: string | null;
  unit: string;
  locale: Locale;
  /** the row in the file, header = 1 */
  row: number;
}

export type PeopleCsvErrorCode =
  | 'malformed'
  | 'missing_column'
  | 'unknown_column'
  | 'required'
  | 'invalid_email'
  | 'unsafe_character'
  | 'invalid_locale'
  | 'too_long'
  | 'duplicate_employee_id'
  | 'duplicate_email'
  | 'unknown_manager'
  | 'self_manager'
  | 'reporting_cycle'
  | 'empty_file';

export interface PeopleCsvError {
  row: number;
  field: string;
  code: PeopleCsvErrorCode;
  message: string;
}

export interface PeopleCsvResult {
  people: PersonRecord[];
  errors: PeopleCsvError[];
}

export const MAX_LENGTH: Readonly<Record<PeopleCsvColumn, number>> = {
  employee_id: 64,
  name: 200,
  email: 254,
  manager_employee_id: 64,
  unit: 200,
  locale: 2,
};
