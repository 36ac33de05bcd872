/**
 * The nomination form (the subject's, the approver's and HR's override in the console), read
 * and shown. Pure: the page services pass in the organisation and the stored list.
 */
import type { ManualRelationship } from '../relationship';
import type { NominationChoice, NominationPerson } from './nomination-rules';
import { searchPeople } from './nomination-rules';

/** Longer search text finds no one anyway. */
export const MAX_QUERY_LENGTH = 100;

export interface NominationFormInput {
  action: string;
  query: string;
  choices: NominationChoice[];
}

function text(value: unknown): string {
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' ? first : '';
}

/**
 * The fields: `choose-EMPLOYEEID` (a ticked box) with `relationship-EMPLOYEEID` (peer or other),
 * `q` (the search) and `action`. A relationship left out is the first the campaign asks.
 */
export function readNominationForm(
  body: Record<string, unknown>,
  groups: readonly ManualRelationship[],
): NominationFormInput {
  const choices: NominationChoice[] = [];
  for (const key of Object.keys(body)) {
    if (key.startsWith('choose-') && text(body[key]) !== '') {
      const employeeId = key.slice('choose-'.length);
      const relationship = text(body[`relationship-${employeeId}`]) || (groups[0] ?? 'peer');
      choices.push({ employeeId, relationship });
    }
  }
  return {
    action: text(body.action),
    query: text(body.q).slice(0, MAX_QUERY_LENGTH),
    choices,
  };
}

export interface ChooserRow {
  employeeId: string;
  name: string;
  unit: string;
  fieldId: string;
  chosen: boolean;
  options: { value: ManualRelationship; selected: boolean }[];
}

export interface ChooserView {
  query: string;
  searched: boolean;
  chosen: ChooserRow[];
  results: ChooserRow[];
  more: boolean;
  orgChartNames: string;
}

/** The chosen people first (with what they were chosen as), then the search's others. */
export function chooserView(
  subject: NominationPerson,
  people: readonly NominationPerson[],
  byEmployeeId: ReadonlyMap<string, NominationPerson>,
  choices: readonly NominationChoice[],
  query: string,
  groups: readonly ManualRelationship[],
): ChooserView {
  let index = 0;
  const row = (employeeId: string, relationship: string | null): ChooserRow => {
    const person = byEmployeeId.get(employeeId);
    index += 1;
    return {
      employeeId,
      name: person?.name ?? employeeId,
      unit: person?.unit ?? '',
      fieldId: `person-${index}`,
      chosen: relationship !== null,
      options: groups.map((value, position) => ({
        value,
        selected: relationship === null ? position === 0 : relationship === value,
      })),
    };
  };
  const chosenIds = new Set(choices.map((c) => c.employeeId));
  const chosen = choices
    .map((choice) => row(choice.employeeId, choice.relationship))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const { found, more } = searchPeople(subject, people, query);
  const results = found
    .filter((p) => !chosenIds.has(p.employeeId))
    .map((p) => row(p.employeeId, null));
  const orgChart = people
    .filter(
      (p) =>
        p.active &&
        p.id !== subject.id &&
        (p.employeeId === subject.managerEmployeeId || p.managerEmployeeId === subject.employeeId),
    )
    .map((p) => p.name)
    .sort((a, b) => a.localeCompare(b, 'sv'));
  return {
    query,
    searched: query.trim() !== '',
    chosen,
    results,
    more,
    orgChartNames: orgChart.join(', '),
  };
}
