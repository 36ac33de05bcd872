/**
 * The console's campaign form: what HR typed, turned into the API's CreateCampaignDto and
 * checked by the same rules (class-validator), with every problem named by its field.
 */
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CreateCampaignDto, RELATIONSHIPS } from '@ledarspegel/campaigns';
import { fieldText as text, Form } from '../views/form';

export interface CampaignFormValues {
  name: string;
  questionnaireKey: string;
  subjectsMode: 'all' | 'unit' | 'chosen';
  unit: string;
  employeeIds: string[];
  raterGroups: string[];
  anonymityThreshold: string;
  showManagerSeparately: boolean;
  closesOn: string;
  reminderDays: string;
  nominationBySubject: boolean;
  nominationMin: string;
  nominationMax: string;
  nominationApprover: string;
}

export interface FormProblem {
  field: string;
  message: string;
}

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );

export function formValues(form: Form): CampaignFormValues {
  const mode = form.subjectsMode;
  return {
    name: text(form.name),
    questionnaireKey: text(form.questionnaireKey),
    subjectsMode: mode === 'unit' || mode === 'chosen' ? mode : 'all',
    unit: text(form.unit),
    employeeIds: list(form.employeeIds),
    raterGroups: list(form.raterGroups),
    anonymityThreshold: text(form.anonymityThreshold),
    showManagerSeparately: form.showManagerSeparately === 'on',
    closesOn: text(form.closesOn),
    reminderDays: text(form.reminderDays),
    nominationBySubject: form.nominationBySubject === 'on',
    nominationMin: text(form.nominationMin),
    nominationMax: text(form.nominationMax),
    nominationApprover: text(form.nominationApprover) === 'hr' ? 'hr' : 'manager',
  };
}

export function defaultValues(questionnaireKey: string): CampaignFormValues {
  return {
    name: '',
    questionnaireKey,
    subjectsMode: 'all',
    unit: '',
    employeeIds: [],
    raterGroups: ['self', 'manager', 'direct_report', 'peer'],
    anonymityThreshold: '3',
    showManagerSeparately: false,
    closesOn: '',
    reminderDays: '3, 7',
    nominationBySubject: false,
    nominationMin: '3',
    nominationMax: '8',
    nominationApprover: 'manager',
  };
}

/** The end of a day in Stockholm (23:59 local time, summer or winter) as an instant. */
export function endOfDayInStockholm(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return null;
  }
  const noon = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== day) {
    return null;
  }
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
      .formatToParts(noon)
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return new Date(`${day}T23:59:00${offset}`);
}

/** A whole number typed, or the text as typed (which the DTO then refuses). */
function wholeNumber(value: string): number | string {
  return /^\d{1,6}$/.test(value) ? Number(value) : value;
}

function flatten(errors: ValidationError[], prefix = ''): FormProblem[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => ({
      field: `${prefix}${error.property}`,
      message,
    })),
    ...flatten(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/** The DTO for CampaignsService.create, or the problems with the form (by field). */
export async function toCreateCampaign(
  values: CampaignFormValues,
  now: Date,
): Promise<{ dto: CreateCampaignDto | null; problems: FormProblem[] }> {
  const problems: FormProblem[] = [];
  const threshold = Number(values.anonymityThreshold);
  let closesAt: string | undefined;
  if (values.closesOn) {
    const end = endOfDayInStockholm(values.closesOn);
    if (!end) {
      problems.push({ field: 'closesOn', message: 'not a date' });
    } else if (end.getTime() <= now.getTime()) {
      problems.push({ field: 'closesOn', message: 'the closing day has passed' });
    } else {
      closesAt = end.toISOString();
    }
  }
  const reminderParts = values.reminderDays.split(/[\s,;]+/).filter((part) => part !== '');
  const reminderDays = reminderParts.map(Number);
  if (reminderParts.some((part) => !/^\d+$/.test(part))) {
    problems.push({ field: 'reminderDays', message: 'whole days after launch, e.g. 3, 7' });
  }
  if (values.subjectsMode === 'unit' && !values.unit) {
    problems.push({ field: 'unit', message: 'choose a unit' });
  }
  if (values.subjectsMode === 'chosen' && values.employeeIds.length === 0) {
    problems.push({ field: 'employeeIds', message: 'choose at least one manager' });
  }
  const plain = {
    name: values.name,
    questionnaireKey: values.questionnaireKey,
    subjects:
      values.subjectsMode === 'unit'
        ? { unit: values.unit || undefined }
        : values.subjectsMode === 'chosen'
          ? { employeeIds: values.employeeIds }
          : { allManagers: true },
    raterGroups: values.raterGroups.filter((g) => (RELATIONSHIPS as readonly string[]).includes(g)),
    anonymityThreshold: Number.isInteger(threshold) ? threshold : values.anonymityThreshold,
    showManagerSeparately: values.showManagerSeparately,
    closesAt,
    reminderDays,
    ...(values.nominationBySubject
      ? {
          nomination: {
            bySubject: true,
            min: wholeNumber(values.nominationMin),
            max: wholeNumber(values.nominationMax),
            approver: values.nominationApprover,
          },
        }
      : {}),
  };
  if (values.raterGroups.length === 0) {
    problems.push({ field: 'raterGroups', message: 'choose at least one group' });
  }
  const dto = plainToInstance(CreateCampaignDto, plain);
  const errors = flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  for (const error of errors) {
    const field = error.field.startsWith('subjects')
      ? 'subjects'
      : error.field.startsWith('nomination')
        ? 'nomination'
        : error.field;
    if (!problems.some((p) => p.field === field)) {
      problems.push({ field, message: error.message });
    }
  }
  return { dto: problems.length === 0 ? dto : null, problems };
}

/**
 * What the campaigns service refused (invalid, or a manager it did not find), as problems of the
 * form's fields: `closesAt` is the closing day, anything about subjects is the subjects choice.
 */
export function serviceProblems(error: { message: string; details?: unknown }): FormProblem[] {
  const details = Array.isArray(error.details)
    ? (error.details as { field?: string; message?: string }[])
    : [];
  if (details.length === 0) {
    return [{ field: 'subjects', message: error.message }];
  }
  return details.map((d) => ({
    field:
      d.field === 'closesAt'
        ? 'closesOn'
        : d.field?.startsWith('subjects')
          ? 'subjects'
          : d.field?.startsWith('nomination')
            ? 'nomination'
            : (d.field ?? 'subjects'),
    message: d.message ?? '',
  }));
}
