/**
 * The register extract as a tagged PDF (PDF/UA), on the reports' tagged layout: headings,
 * paragraphs and tables with header cells, in reading order, in one language throughout.
 */
import { loadPdfToolkit } from '@ledarspegel/reports';
import { RegisterExtractDto, WHY_NO_ANSWERS } from './register-extract.dto';

export type ExtractLanguage = 'sv' | 'en';

const TEXTS = {
  sv: {
    title: 'Registerutdrag',
    intro: 'Utdrag enligt artikel 15 i dataskyddsförordningen (GDPR), skapat {date}.',
    person: 'Personuppgifter',
    field: 'Uppgift',
    value: 'Värde',
    employeeId: 'Anställningsnummer',
    name: 'Namn',
    email: 'E-postadress',
    unit: 'Enhet',
    manager: 'Chef',
    locale: 'Språk',
    active: 'Aktiv i organisationen',
    leftAt: 'Slutade',
    anonymisedAt: 'Anonymiserad',
    createdAt: 'Registrerad',
    updatedAt: 'Senast ändrad',
    directReports: 'Medarbetare som har dig som chef',
    yes: 'ja',
    no: 'nej',
    none: '–',
    assessed: 'Kampanjer där du blev bedömd',
    asked: 'Kampanjer där du ombads bedöma andra',
    emails: 'E-postmeddelanden till dig',
    plans: 'Dina utvecklingsplaner',
    focus: 'Fokusbeteenden',
    actions: 'Aktiviteter',
    shared: 'Delad med din chef',
    nominations: 'Svarande som du föreslog',
    nominated: 'Föreslagna',
    approved: 'Godkända',
    namedOn: 'Listor över svarande där du föreslogs',
    lists: 'Antal listor',
    campaign: 'Kampanj',
    status: 'Status',
    closed: 'Stängd',
    report: 'Rapport',
    reportStored: 'sparad ({id})',
    reportDisposed: 'gallrad {date}',
    people: 'Antal att bedöma',
    kind: 'Slag',
    to: 'Till',
    sent: 'Skickat',
    nothing: 'Inga.',
    answers: 'Varför dina svar inte finns med',
    page: 'Sida {page}',
  },
  en: {
    title: 'Register extract',
    intro:
      'Extract under Article 15 of the General Data Protection Regulation (GDPR), made {date}.',
    person: 'Personal data',
    field: 'Field',
    value: 'Value',
    employeeId: 'Employee id',
    name: 'Name',
    email: 'E-mail address',
    unit: 'Unit',
    manager: 'Manager',
    locale: 'Language',
    active: 'Active in the organisation',
    leftAt: 'Left',
    anonymisedAt: 'Anonymised',
    createdAt: 'Registered',
    updatedAt: 'Last changed',
    directReports: 'People who have you as their manager',
    yes: 'yes',
    no: 'no',
    none: '–',
    assessed: 'Campaigns in which you were assessed',
    asked: 'Campaigns in which you were asked to rate others',
    emails: 'E-mails to you',
    plans: 'Your development plans',
    focus: 'Focus behaviours',
    actions: 'Actions',
    shared: 'Shared with your manager',
    nominations: 'Raters you nominated',
    nominated: 'Nominated',
    approved: 'Approved',
    namedOn: 'Lists of raters that named you',
    lists: 'Lists',
    campaign: 'Campaign',
    status: 'Status',
    closed: 'Closed',
    report: 'Report',
    reportStored: 'stored ({id})',
    reportDisposed: 'disposed of {date}',
    people: 'People to rate',
    kind: 'Kind',
    to: 'To',
    sent: 'Sent',
    nothing: 'None.',
    answers: 'Why your answers are not included',
    page: 'Page {page}',
  },
} as const;

type TextKey = keyof (typeof TEXTS)['sv'];

/** Campaign states, e-mail kinds and e-mail states in words; anything else as stored. */
const WORDS: Record<ExtractLanguage, Readonly<Record<string, string>>> = {
  sv: {
    draft: 'utkast',
    open: 'pågår',
    closed: 'stängd',
    invitation: 'inbjudan',
    reminder: 'påminnelse',
    report: 'rapport',
    pending: 'väntar',
    sending: 'skickas',
    sent: 'skickat',
    failed: 'misslyckades',
    waiting: 'väntar',
    nominated: 'föreslagen',
    approved: 'godkänd',
  },
  en: {
    draft: 'draft',
    open: 'open',
    closed: 'closed',
    invitation: 'invitation',
    reminder: 'reminder',
    report: 'report',
    pending: 'waiting',
    sending: 'sending',
    sent: 'sent',
    failed: 'failed',
    waiting: 'waiting',
    nominated: 'nominated',
    approved: 'approved',
  },
};

const day = (value: string | null): string => (value ? value.slice(0, 10) : '–');

export async function renderExtractPdf(
  extract: RegisterExtractDto,
  language: ExtractLanguage = extract.person.locale,
): Promise<Buffer> {
  const { BOLD_FONT, MARGIN, PDFDocument, REGULAR_FONT, TaggedLayout, useFonts } =
    await loadPdfToolkit();
  const t = (key: TextKey, parameters: Record<string, string> = {}): string =>
    TEXTS[language][key].replace(/\{(\w+)\}/g, (match, name: string) => parameters[name] ?? match);
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    lang: language === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    // no name in the metadata: it would need XMP escaping, and the title says what it is
    info: { Title: t('title'), Author: 'Ledarspegel' },
  });
  useFonts(document, { regular: REGULAR_FONT, bold: BOLD_FONT });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  const layout = new TaggedLayout(document);
  const { person } = extract;
  layout.heading(1, `${t('title')}: ${person.name}`);
  layout.paragraph(t('intro', { date: day(extract.generatedAt) }));

  layout.heading(2, t('person'));
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const word = (value: string) => WORDS[language][value] ?? value;
  const fields: [TextKey, string][] = [
    ['employeeId', person.employeeId],
    ['name', person.name],
    ['email', person.email],
    ['unit', person.unit],
    [
      'manager',
      extract.manager ? `${extract.manager.name} (${extract.manager.employeeId})` : t('none'),
    ],
    ['locale', person.locale],
    ['active', yesNo(person.active)],
    ['leftAt', day(person.leftAt)],
    ['anonymisedAt', day(person.anonymisedAt)],
    ['createdAt', day(person.createdAt)],
    ['updatedAt', day(person.updatedAt)],
    ['directReports', extract.directReports.join(', ') || t('none')],
  ];
  const half = layout.width / 2;
  layout.table({
    widths: [half, half],
    header: [t('field'), t('value')],
    rows: fields.map(([key, value]) => [{ text: t(key), header: true }, { text: value }]),
  });

  layout.heading(2, t('assessed'));
  if (extract.assessedIn.length === 0) {
    layout.paragraph(t('nothing'));
  } else {
    const w = layout.width;
    layout.table({
      widths: [w * 0.4, w * 0.15, w * 0.15, w * 0.3],
      header: [t('campaign'), t('status'), t('closed'), t('report')],
      rows: extract.assessedIn.map((c) => [
        { text: c.campaignName, header: true },
        { text: word(c.status) },
        { text: day(c.closedAt) },
        {
          text: c.reportId
            ? t('reportStored', { id: c.reportId })
            : c.disposedAt
              ? t('reportDisposed', { date: day(c.disposedAt) })
              : t('none'),
        },
      ]),
    });
  }

  layout.heading(2, t('asked'));
  if (extract.askedToRate.length === 0) {
    layout.paragraph(t('nothing'));
  } else {
    const w = layout.width;
    layout.table({
      widths: [w * 0.5, w * 0.2, w * 0.3],
      header: [t('campaign'), t('status'), t('people')],
      rows: extract.askedToRate.map((c) => [
        { text: c.campaignName, header: true },
        { text: word(c.status) },
        { text: String(c.asked) },
      ]),
    });
  }

  layout.heading(2, t('emails'));
  if (extract.emails.length === 0) {
    layout.paragraph(t('nothing'));
  } else {
    const w = layout.width;
    layout.table({
      widths: [w * 0.2, w * 0.45, w * 0.15, w * 0.2],
      header: [t('kind'), t('to'), t('status'), t('sent')],
      rows: extract.emails.map((e) => [
        { text: word(e.kind), header: true },
        { text: e.toAddress },
        { text: word(e.status) },
        { text: day(e.sentAt) },
      ]),
    });
  }

  layout.heading(2, t('plans'));
  if (extract.developmentPlans.length === 0) {
    layout.paragraph(t('nothing'));
  } else {
    const w = layout.width;
    layout.table({
      widths: [w * 0.25, w * 0.2, w * 0.4, w * 0.15],
      header: [t('campaign'), t('focus'), t('actions'), t('shared')],
      rows: extract.developmentPlans.map((plan) => [
        { text: plan.campaignName, header: true },
        { text: plan.focusItems.join(', ') },
        { text: plan.actions },
        { text: plan.sharedAt ? day(plan.sharedAt) : t('no') },
      ]),
    });
  }

  layout.heading(2, t('nominations'));
  if (extract.nominations.length === 0) {
    layout.paragraph(t('nothing'));
  } else {
    const w = layout.width;
    layout.table({
      widths: [w * 0.3, w * 0.2, w * 0.25, w * 0.25],
      header: [t('campaign'), t('status'), t('nominated'), t('approved')],
      rows: extract.nominations.map((nomination) => [
        { text: nomination.campaignName, header: true },
        { text: word(nomination.status) },
        { text: nomination.nominated.join(', ') || t('none') },
        { text: nomination.approved.join(', ') || t('none') },
      ]),
    });
  }
  if (extract.namedOnNominationLists.length > 0) {
    layout.heading(2, t('namedOn'));
    const w = layout.width;
    layout.table({
      widths: [w * 0.7, w * 0.3],
      header: [t('campaign'), t('lists')],
      rows: extract.namedOnNominationLists.map((named) => [
        { text: named.campaignName, header: true },
        { text: String(named.lists) },
      ]),
    });
  }

  layout.heading(2, t('answers'));
  layout.paragraph(WHY_NO_ANSWERS[language]);
  layout.finish((page) => `${t('title')} · ${t('page', { page: String(page) })}`);
  document.end();
  return done;
}
