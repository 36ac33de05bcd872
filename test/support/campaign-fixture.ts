import fs from 'node:fs';
import path from 'node:path';
import { OutboxDispatcher, readEml } from '@ledarspegel/mail';
import { TestApp } from './test-app';

/**
 * A small organisation with teams of every size that matters for k = 3:
 * Anna (top) manages Bo and Cecilia; Bo manages 4 (Dan, Eva, Filip, Greta); Cecilia manages 2
 * (Hugo, Ida); Jonas and Karin are in a unit without reports; Leo has left (inactive later).
 */
export const ORGANISATION = [
  'employee_id,name,email,manager_employee_id,unit,locale',
  'A1,Anna Andersson,anna@kommun.test,,Ledning,sv',
  'B1,Bo Berg,bo@kommun.test,A1,Skola,sv',
  'C1,Cecilia Ceder,cecilia@kommun.test,A1,Omsorg,en',
  'D1,Dan Dahl,dan@kommun.test,B1,Skola,sv',
  'E1,Eva Ek,eva@kommun.test,B1,Skola,sv',
  'F1,Filip Falk,filip@kommun.test,B1,Skola,sv',
  'G1,Greta Gran,greta@kommun.test,B1,Skola,en',
  'H1,Hugo Holm,hugo@kommun.test,C1,Omsorg,sv',
  'I1,Ida Isaksson,ida@kommun.test,C1,Omsorg,sv',
  'J1,Jonas Jansson,jonas@kommun.test,A1,Stab,sv',
  'K1,Karin Kvist,karin@kommun.test,A1,Stab,sv',
].join('\n');

export async function importOrganisation(
  t: TestApp,
  token: string,
  csv = ORGANISATION,
): Promise<void> {
  await t.http
    .post('/api/v1/people/import')
    .set('authorization', `Bearer ${token}`)
    .set('content-type', 'text/csv')
    .send(csv)
    .expect(200);
}

/** Creates a campaign through the API and launches it; its id. */
export async function launchCampaign(
  t: TestApp,
  token: string,
  campaign: { name: string; questionnaireKey: string; subjects: Record<string, unknown> },
): Promise<string> {
  const created = await t.http
    .post('/api/v1/campaigns')
    .set('authorization', `Bearer ${token}`)
    .send(campaign)
    .expect(201);
  const id = (created.body as { id: string }).id;
  await t.http
    .post(`/api/v1/campaigns/${id}/launch`)
    .set('authorization', `Bearer ${token}`)
    .expect(200);
  return id;
}

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  reportLinks: string[];
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** Sends everything due and reads the `.eml` files the default transport wrote. */
export async function deliverMail(t: TestApp): Promise<ReceivedMail[]> {
  await t.app.get(OutboxDispatcher).drain();
  return readMailDir(t.config.mailDir);
}

export async function readMailDir(directory: string): Promise<ReceivedMail[]> {
  if (!fs.existsSync(directory)) {
    return [];
  }
  const files = fs
    .readdirSync(directory)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  const mails: ReceivedMail[] = [];
  for (const file of files) {
    mails.push(await parseMail(fs.readFileSync(path.join(directory, file))));
  }
  return mails;
}

export async function parseMail(source: Buffer | string): Promise<ReceivedMail> {
  const parsed = await readEml(source);
  const text = parsed.text ?? '';
  const to = Array.isArray(parsed.to) ? (parsed.to[0]?.text ?? '') : (parsed.to?.text ?? '');
  return {
    to,
    subject: parsed.subject ?? '',
    text,
    html: typeof parsed.html === 'string' ? parsed.html : '',
    links: [...text.matchAll(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/g)].map((m) => m[0]),
    reportLinks: [...text.matchAll(/https?:\/\/\S+\/reports\/[A-Za-z0-9_.-]+/g)].map((m) => m[0]),
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

export function clearMailDir(t: TestApp): void {
  fs.rmSync(t.config.mailDir, { recursive: true, force: true });
}

export function tokenOf(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}

/** A complete answer to a questionnaire: every item (value or na) as form fields. */
export function completeForm(
  itemIds: string[],
  value: (index: number) => string = () => '4',
): Record<string, string> {
  const form: Record<string, string> = { action: 'submit' };
  itemIds.forEach((id, index) => {
    form[`item-${id}`] = value(index);
  });
  return form;
}
