import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ConsoleSession, Public } from '@ledarspegel/auth';
import {
  CampaignResponseDto,
  CampaignsService,
  InvitationComposer,
  MANUAL_RELATIONSHIPS,
  RatersPreviewDto,
} from '@ledarspegel/campaigns';
import { Clock, CLOCK, DomainError } from '@ledarspegel/core';
import { Person } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { reportPageContext, ReportsService } from '@ledarspegel/reports';
import { SurveyContext, surveyPageContext } from '@ledarspegel/responses';
import { defaultValues, formValues, toCreateCampaign } from './campaign-form';
import { switchUrl } from './console-context';
import { ConsolePages, Form } from './console-pages';

/** Form fields with their own message; anything else the service names is shown as it says. */
const KNOWN_FIELDS = new Set([
  'name',
  'questionnaireKey',
  'subjects',
  'unit',
  'employeeIds',
  'raterGroups',
  'anonymityThreshold',
  'closesOn',
  'reminderDays',
]);

/** Managers in the progress chart: the lowest response rates (all are in the table). */
const LOWEST_SHOWN = 15;

const GROUPS = ['self', 'manager', 'direct_report', 'peer', 'other'] as const;

/** Colour bands of the heatmap: light tints, dark text, the figure always written out. */
function heatClass(mean: number): string {
  if (mean < 2.5) return 'heat-1';
  if (mean < 3) return 'heat-2';
  if (mean < 3.5) return 'heat-3';
  if (mean < 4) return 'heat-4';
  return 'heat-5';
}

/** Subjects with a group below k (not counting the note that the manager is within others). */
const belowThreshold = (preview: RatersPreviewDto) =>
  preview.subjects.filter((s) => s.warnings.some((w) => w.code !== 'manager_in_others')).length;

/** YYYY-MM-DD from `from` to `to`, at most 366 days. */
function calendarDays(from: string, to: Date): string[] {
  const days: string[] = [];
  const day = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const last = to.toISOString().slice(0, 10);
  while (days.length < 366) {
    const text = day.toISOString().slice(0, 10);
    days.push(text);
    if (text >= last) {
      break;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);

/**
 * Campaigns in the HR console: the wizard (settings, raters per subject with the below-k
 * warnings, the invitation, launch), the progress while open, and the results once closed.
 */
@ApiExcludeController()
@Public()
@Controller('admin')
export class CampaignPagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly campaigns: CampaignsService,
    private readonly invitations: InvitationComposer,
    private readonly reports: ReportsService,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Step 1: the settings

  @Get('campaigns/new')
  async newCampaign(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (session) {
      const first = this.questionnaires.latest()[0]?.key ?? '';
      await this.campaignForm(request, reply, session, defaultValues(first), [], 200);
    }
  }

  @Post('campaigns/new')
  async createCampaign(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const session = await this.pages.formSession(request, reply, form);
    if (!session) {
      return;
    }
    const values = formValues(form);
    const { dto, problems } = await toCreateCampaign(values, this.clock.now());
    if (!dto) {
      await this.campaignForm(request, reply, session, values, problems, 422);
      return;
    }
    try {
      const campaign = await this.campaigns.create(session.actor, dto);
      void reply.status(303).header('location', `/admin/campaigns/${campaign.id}`).send();
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === 'invalid' || error.code === 'not_found')
      ) {
        const details = Array.isArray(error.details)
          ? (error.details as { field?: string; message?: string }[])
          : [];
        const problems = details.length
          ? details.map((d) => ({
              field:
                d.field === 'closesAt'
                  ? 'closesOn'
                  : d.field?.startsWith('subjects')
                    ? 'subjects'
                    : (d.field ?? 'subjects'),
              message: d.message ?? '',
            }))
          : [{ field: 'subjects', message: error.message }];
        await this.campaignForm(request, reply, session, values, problems, 422);
        return;
      }
      throw error;
    }
  }

  @Get('questionnaires/:key')
  async questionnaire(
    @Param('key') key: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    try {
      const questionnaire = this.questionnaires.get(key);
      this.pages.page(
        request,
        reply,
        session,
        'home',
        'pages/admin/questionnaire',
        { key: 'admin.questionnaire.title', parameters: { title: questionnaire.title.sv } },
        { questionnaire },
      );
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
    }
  }

  // The campaign: its setup while a draft, its progress while open, its results when closed

  @Get('campaigns/:id')
  async campaign(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    let campaign: CampaignResponseDto;
    try {
      campaign = await this.campaigns.get(session.actor, id);
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
      return;
    }
    const query = request.query as Form;
    if (campaign.status === 'draft') {
      await this.setupPage(request, reply, session, campaign, {
        problem: typeof query.problem === 'string' ? query.problem.slice(0, 300) : null,
      });
    } else if (campaign.status === 'open') {
      await this.progressPage(request, reply, session, campaign, query.launched === '1');
    } else {
      await this.resultsPage(request, reply, session, campaign);
    }
  }

  /** Step 2: a peer or other rater added to one subject. */
  @Post('campaigns/:id/raters')
  async addRater(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const session = await this.pages.formSession(request, reply, form);
    if (!session) {
      return;
    }
    const subject = typeof form.subject === 'string' ? form.subject : '';
    const relationship = (MANUAL_RELATIONSHIPS as readonly string[]).includes(
      String(form.relationship),
    )
      ? (form.relationship as (typeof MANUAL_RELATIONSHIPS)[number])
      : 'peer';
    try {
      await this.campaigns.addRater(session.actor, id, {
        subjectEmployeeId: subject,
        raterEmployeeId: typeof form.rater === 'string' ? form.rater.trim() : '',
        relationship,
      });
      void reply.status(303).header('location', `/admin/campaigns/${id}#subject-${subject}`).send();
    } catch (error) {
      await this.raterProblem(request, reply, session, id, error);
    }
  }

  @Post('campaigns/:id/raters/remove')
  async removeRater(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const session = await this.pages.formSession(request, reply, form);
    if (!session) {
      return;
    }
    const subject = typeof form.subject === 'string' ? form.subject : '';
    try {
      await this.campaigns.removeRater(
        session.actor,
        id,
        subject,
        typeof form.rater === 'string' ? form.rater : '',
      );
      void reply.status(303).header('location', `/admin/campaigns/${id}#subject-${subject}`).send();
    } catch (error) {
      await this.raterProblem(request, reply, session, id, error);
    }
  }

  /**
   * The survey as a rater sees it, for HR: the campaign's questionnaire (the version it pinned)
   * on the survey's own page, with no token and nothing that can be sent. HR looks here instead
   * of at a rater's link in the trial mailbox, which would let HR answer in the rater's name.
   * `?as=self` shows the manager's self-assessment.
   */
  @Get('campaigns/:id/survey-preview')
  async surveyPreview(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    let campaign: CampaignResponseDto;
    try {
      campaign = await this.campaigns.get(session.actor, id);
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
      return;
    }
    const language = this.pages.language(request, reply);
    const self = (request.query as Form).as === 'self';
    const survey: SurveyContext = {
      assignment: { id: '', relationship: self ? 'self' : 'direct_report', answered: false },
      campaign: {
        id,
        name: campaign.name,
        status: campaign.status,
        anonymityThreshold: campaign.anonymityThreshold,
        showManagerSeparately: campaign.showManagerSeparately,
        closesAt: campaign.closesAt ? new Date(campaign.closesAt) : null,
      },
      subject: { id: '', name: this.pages.text(language, 'survey.preview.subject') },
      rater: { name: '', locale: language },
      invitedInGroup: 0,
      questionnaire: this.questionnaires.get(
        campaign.questionnaireKey,
        campaign.questionnaireVersion,
      ),
      language,
    };
    const empty = { answers: {}, comments: {} };
    const html = this.pages.templates.render('pages/survey', language, {
      ...surveyPageContext(this.pages.templates, survey, '', empty, [], false),
      preview: {
        otherView: `/admin/campaigns/${id}/survey-preview${self ? '' : '?as=self'}`,
        back: `/admin/campaigns/${id}`,
      },
      title: this.pages.text(language, 'admin.campaign.surveyPreviewTitle', {
        name: campaign.name,
      }),
      switchUrl: switchUrl(request, language),
    });
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }

  /** Step 3: the invitation as raters will get it, and the launch, confirmed. */
  @Get('campaigns/:id/launch')
  async launchPage(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (session) {
      await this.launchConfirmation(request, reply, session, id, 200, false);
    }
  }

  @Post('campaigns/:id/launch')
  async launch(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const session = await this.pages.formSession(request, reply, form);
    if (!session) {
      return;
    }
    if (form.confirm !== 'yes') {
      await this.launchConfirmation(request, reply, session, id, 422, true);
      return;
    }
    try {
      await this.campaigns.launch(session.actor, id);
      void reply.status(303).header('location', `/admin/campaigns/${id}?launched=1`).send();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid') {
        await this.setupPage(
          request,
          reply,
          session,
          await this.campaigns.get(session.actor, id),
          {
            problem: error.message,
          },
          422,
        );
        return;
      }
      this.pages.notFound(request, reply, session, error);
    }
  }

  @Get('campaigns/:id/close')
  async closePage(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (session) {
      await this.closeConfirmation(request, reply, session, id, 200, false);
    }
  }

  @Post('campaigns/:id/close')
  async close(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const session = await this.pages.formSession(request, reply, form);
    if (!session) {
      return;
    }
    if (form.confirm !== 'yes') {
      await this.closeConfirmation(request, reply, session, id, 422, true);
      return;
    }
    try {
      await this.campaigns.close(session.actor, id);
    } catch (error) {
      // closed meanwhile (by its date, or by someone else): the results are there either way
      if (!(error instanceof DomainError && error.code === 'conflict')) {
        this.pages.notFound(request, reply, session, error);
        return;
      }
    }
    void reply.status(303).header('location', `/admin/campaigns/${id}`).send();
  }

  // A subject's report, its PDF, the exports

  @Get('campaigns/:id/reports/:employeeId.pdf')
  async reportPdf(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('employeeId') employeeId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    try {
      const pdf = await this.reports.pdf(
        session.actor,
        id,
        employeeId,
        this.pages.language(request, reply),
      );
      void reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="ledarspegel-${employeeId.replace(/[^\w.-]/g, '_')}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
    }
  }

  @Get('campaigns/:id/reports/:employeeId')
  async report(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('employeeId') employeeId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    try {
      const campaign = await this.campaigns.get(session.actor, id);
      const content = await this.reports.get(session.actor, id, employeeId);
      const language = this.pages.language(request, reply);
      const questionnaire = this.questionnaires.get(
        campaign.questionnaireKey,
        campaign.questionnaireVersion,
      );
      const context = reportPageContext(content, questionnaire, language, (key, parameters) =>
        this.pages.text(language, key, parameters),
      );
      this.pages.page(
        request,
        reply,
        session,
        'home',
        'pages/admin/report',
        { key: 'report.for', parameters: { name: content.subject.name } },
        {
          ...context,
          campaign,
          pdfUrl: `/admin/campaigns/${id}/reports/${encodeURIComponent(employeeId)}.pdf`,
        },
      );
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
    }
  }

  @Get('campaigns/:id/export.:format')
  async export(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    try {
      if (format === 'csv') {
        const csv = await this.reports.exportCsv(session.actor, id);
        void reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="ledarspegel-export.csv"')
          .send(csv);
      } else if (format === 'xlsx') {
        const xlsx = await this.reports.exportXlsx(session.actor, id);
        void reply
          .header(
            'content-type',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', 'attachment; filename="ledarspegel-export.xlsx"')
          .send(xlsx);
      } else {
        throw new DomainError('not_found', `No export as '${format}'; csv or xlsx.`);
      }
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
    }
  }

  // Pages

  private async campaignForm(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    values: ReturnType<typeof formValues>,
    problems: { field: string; message: string }[],
    status: number,
  ): Promise<void> {
    const language = this.pages.language(request, reply);
    const [units, managers] = await Promise.all([this.units(), this.managers()]);
    const chosen = new Set(values.employeeIds);
    const groups = new Set(values.raterGroups);
    const problemOf = (field: string) => problems.find((p) => p.field === field);
    this.pages.page(
      request,
      reply,
      session,
      'home',
      'pages/admin/campaign-new',
      'admin.wizard.title',
      {
        values,
        problems: problems.map((p) => ({
          ...p,
          text: KNOWN_FIELDS.has(p.field)
            ? this.pages.text(language, `admin.wizard.problem.${p.field}`)
            : `${this.pages.text(language, 'admin.wizard.problem.other')} ${p.message}`,
          anchor:
            p.field === 'subjects' ? 'subjects-all' : KNOWN_FIELDS.has(p.field) ? p.field : 'name',
        })),
        invalid: Object.fromEntries(problems.map((p) => [p.field, true])),
        questionnaires: this.questionnaires.latest().map((q) => ({
          key: q.key,
          title: q.title,
          items: q.dimensions.reduce((sum, d) => sum + d.items.length, 0),
          selected: q.key === values.questionnaireKey,
        })),
        units: units.map((unit) => ({ unit, selected: unit === values.unit })),
        managers: managers.map((m) => ({ ...m, checked: chosen.has(m.employeeId) })),
        groups: GROUPS.map((group) => ({
          group,
          checked: groups.has(group),
          label: this.pages.text(language, `group.${group}`),
        })),
        mode: { [values.subjectsMode]: true },
        problemOf: Object.fromEntries(problems.map((p) => [p.field, problemOf(p.field)])),
      },
      status,
    );
  }

  private async setupPage(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    campaign: CampaignResponseDto,
    extra: { problem: string | null },
    status = 200,
  ): Promise<void> {
    const language = this.pages.language(request, reply);
    const preview = await this.campaigns.raters(session.actor, campaign.id);
    const questionnaire = this.questionnaires.get(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    const manual = MANUAL_RELATIONSHIPS.filter((r) => campaign.raterGroups.includes(r));
    this.pages.page(
      request,
      reply,
      session,
      'home',
      'pages/admin/campaign-setup',
      { key: 'admin.setup.title', parameters: { name: campaign.name } },
      {
        campaign,
        questionnaireTitle: questionnaire.title[language],
        problem: extra.problem,
        preview,
        warned: belowThreshold(preview),
        manual: manual.map((r) => ({ value: r, label: this.pages.text(language, `group.${r}`) })),
        canAdd: manual.length > 0,
        groups: GROUPS.filter((g) => campaign.raterGroups.includes(g)).map((g) => ({
          group: g,
          label: this.pages.text(language, `group.${g}`),
        })),
        subjects: preview.subjects.map((subject) => ({
          ...subject,
          counts: GROUPS.filter((g) => campaign.raterGroups.includes(g)).map(
            (g) => subject.counts[g] ?? 0,
          ),
          warnings: subject.warnings.map((w) => w.message[language]),
          raters: subject.raters.map((r) => ({
            ...r,
            label: this.pages.text(language, `group.${r.relationship}`),
            removable: r.relationship === 'peer' || r.relationship === 'other',
          })),
        })),
      },
      status,
    );
  }

  private async launchConfirmation(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    id: string,
    status: number,
    unconfirmed: boolean,
  ): Promise<void> {
    let campaign: CampaignResponseDto;
    let preview: RatersPreviewDto;
    try {
      campaign = await this.campaigns.get(session.actor, id);
      preview = await this.campaigns.raters(session.actor, id);
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
      return;
    }
    if (campaign.status !== 'draft') {
      void reply.status(303).header('location', `/admin/campaigns/${id}`).send();
      return;
    }
    const language = this.pages.language(request, reply);
    const sample = this.sampleRater(preview);
    const invitation = sample
      ? this.invitations.preview(
          {
            ...campaign,
            closesAt: campaign.closesAt ? new Date(campaign.closesAt) : null,
          },
          sample,
          language,
        )
      : null;
    const raters = new Set(preview.subjects.flatMap((s) => s.raters.map((r) => r.employeeId)));
    this.pages.page(
      request,
      reply,
      session,
      'home',
      'pages/admin/campaign-launch',
      { key: 'admin.launch.title', parameters: { name: campaign.name } },
      {
        campaign,
        invitation,
        subjects: preview.subjects.length,
        people: raters.size,
        assignments: preview.assignments,
        warned: belowThreshold(preview),
        unconfirmed,
      },
      status,
    );
  }

  private async closeConfirmation(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    id: string,
    status: number,
    unconfirmed: boolean,
  ): Promise<void> {
    try {
      const campaign = await this.campaigns.get(session.actor, id);
      if (campaign.status !== 'open') {
        void reply.status(303).header('location', `/admin/campaigns/${id}`).send();
        return;
      }
      const progress = await this.campaigns.progress(session.actor, id);
      this.pages.page(
        request,
        reply,
        session,
        'home',
        'pages/admin/campaign-close',
        { key: 'admin.close.title', parameters: { name: campaign.name } },
        { campaign, progress, rate: percent(progress.responded, progress.invited), unconfirmed },
        status,
      );
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
    }
  }

  private async progressPage(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    campaign: CampaignResponseDto,
    launched: boolean,
  ): Promise<void> {
    const language = this.pages.language(request, reply);
    const progress = await this.campaigns.progress(session.actor, campaign.id);
    const units = await this.unitsOf(progress.bySubject.map((s) => s.employeeId));
    const byUnit = new Map<string, { invited: number; responded: number }>();
    for (const subject of progress.bySubject) {
      const unit = units.get(subject.employeeId) ?? '–';
      const entry = byUnit.get(unit) ?? { invited: 0, responded: 0 };
      entry.invited += subject.invited;
      entry.responded += subject.responded;
      byUnit.set(unit, entry);
    }
    const unitRows = [...byUnit.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'sv'))
      .map(([unit, counts]) => ({
        unit,
        ...counts,
        rate: percent(counts.responded, counts.invited),
      }));
    const subjectRows = progress.bySubject
      .map((s) => ({
        ...s,
        unit: units.get(s.employeeId) ?? '',
        rate: percent(s.responded, s.invited),
      }))
      .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, 'sv'));
    // every day from the launch to today, days without answers too
    const answersOn = new Map(progress.byDay.map((d) => [d.day, d.responded]));
    const days = calendarDays(
      campaign.launchedAt ?? progress.byDay[0]?.day ?? this.clock.now().toISOString(),
      this.clock.now(),
    );
    for (const day of answersOn.keys()) {
      if (!days.includes(day)) {
        days.push(day);
      }
    }
    days.sort();
    let cumulative = 0;
    const curve = days.map((day) => {
      const responded = answersOn.get(day) ?? 0;
      cumulative += responded;
      return { day, responded, cumulative, rate: percent(cumulative, progress.invited) };
    });
    const chartData = {
      curve: {
        labels: curve.map((d) => d.day),
        values: curve.map((d) => d.rate),
        label: this.pages.text(language, 'admin.progress.curveLabel'),
      },
      units: {
        labels: unitRows.map((u) => u.unit),
        values: unitRows.map((u) => u.rate),
        label: this.pages.text(language, 'admin.progress.rate'),
      },
      // the managers furthest behind, the ones HR may want to nudge
      subjects: {
        labels: subjectRows.slice(0, LOWEST_SHOWN).map((r) => r.name),
        values: subjectRows.slice(0, LOWEST_SHOWN).map((r) => r.rate),
        label: this.pages.text(language, 'admin.progress.rate'),
      },
    };
    this.pages.page(
      request,
      reply,
      session,
      'home',
      'pages/admin/campaign-progress',
      { key: 'admin.progress.title', parameters: { name: campaign.name } },
      {
        campaign,
        launched,
        progress,
        rate: percent(progress.responded, progress.invited),
        units: unitRows,
        subjects: subjectRows,
        curve,
        reminders: progress.remindersSent.join(', '),
        lowestShown: Math.min(LOWEST_SHOWN, subjectRows.length),
        subjectsChartHeight: 60 + 24 * Math.min(LOWEST_SHOWN, subjectRows.length),
        chartData: JSON.stringify(chartData).replace(/</g, '\\u003c'),
      },
    );
  }

  private async resultsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    campaign: CampaignResponseDto,
  ): Promise<void> {
    const language = this.pages.language(request, reply);
    const summary = await this.reports.summary(session.actor, campaign.id);
    const questionnaire = this.questionnaires.get(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    const titles = new Map(questionnaire.dimensions.map((d) => [d.key, d.title[language]]));
    const format = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const cell = (score: { n: number; mean: number } | null | undefined) =>
      score
        ? { value: format.format(score.mean), n: score.n, heat: heatClass(score.mean) }
        : { value: null };
    this.pages.page(
      request,
      reply,
      session,
      'home',
      'pages/admin/campaign-results',
      { key: 'admin.results.title', parameters: { name: campaign.name } },
      {
        campaign,
        threshold: summary.threshold,
        dimensions: summary.dimensions.map((d) => ({
          key: d.key,
          title: titles.get(d.key) ?? d.key,
        })),
        overall: summary.dimensions.map((d) => cell(d.others)),
        managers: summary.managers.map((m) => ({
          ...m,
          rate: percent(m.responded, m.invited),
          cells: summary.dimensions.map((d) => cell(m.dimensions[d.key])),
          reportUrl: `/admin/campaigns/${campaign.id}/reports/${encodeURIComponent(m.employeeId)}`,
        })),
        units: summary.units.map((u) => ({ ...u, rate: percent(u.responded, u.invited) })),
      },
    );
  }

  private async raterProblem(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    id: string,
    error: unknown,
  ): Promise<void> {
    if (error instanceof DomainError && ['invalid', 'conflict', 'not_found'].includes(error.code)) {
      const details = Array.isArray(error.details)
        ? (error.details as { message?: string }[]).map((d) => d.message).join('; ')
        : '';
      try {
        const campaign = await this.campaigns.get(session.actor, id);
        if (campaign.status === 'draft') {
          await this.setupPage(
            request,
            reply,
            session,
            campaign,
            {
              problem: details ? `${error.message} ${details}` : error.message,
            },
            422,
          );
          return;
        }
        // launched meanwhile: the raters are frozen
        this.pages.message(request, reply, session, 409, 'admin.setup.frozen', {
          text: error.message,
        });
        return;
      } catch (notFound) {
        this.pages.notFound(request, reply, session, notFound);
        return;
      }
    }
    throw error;
  }

  /** A rater to show the invitation with: a direct report if any, with all they will rate. */
  private sampleRater(preview: RatersPreviewDto) {
    const all = preview.subjects.flatMap((s) =>
      s.raters.map((r) => ({ ...r, subjectName: s.name, subjectId: s.employeeId })),
    );
    const sample = all.find((r) => r.relationship === 'direct_report') ?? all[0];
    if (!sample) {
      return null;
    }
    const own = all.filter((r) => r.employeeId === sample.employeeId);
    return {
      name: sample.name,
      subjects: own.map((r) => ({ name: r.subjectName, self: r.relationship === 'self' })),
      ratesAsManager: own.some((r) => r.relationship === 'manager'),
    };
  }

  private async units(): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .select('DISTINCT p.unit', 'unit')
      .where('p.active = :active', { active: true })
      .orderBy('p.unit')
      .getRawMany<{ unit: string }>();
    return rows.map((r) => r.unit);
  }

  /** Active people with at least one active direct report. */
  private async managers(): Promise<{ employeeId: string; name: string; unit: string }[]> {
    return this.dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .select(['p.employeeId AS "employeeId"', 'p.name AS name', 'p.unit AS unit'])
      .where('p.active = :active', { active: true })
      .andWhere(
        'EXISTS (SELECT 1 FROM person r WHERE r.manager_employee_id = p.employee_id AND r.active = :active)',
      )
      .orderBy('p.name')
      .getRawMany();
  }

  private async unitsOf(employeeIds: string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    for (let start = 0; start < employeeIds.length; start += 500) {
      const people = await this.dataSource.getRepository(Person).find({
        select: ['employeeId', 'unit'],
        where: employeeIds.slice(start, start + 500).map((employeeId) => ({ employeeId })),
      });
      for (const person of people) {
        map.set(person.employeeId, person.unit);
      }
    }
    return map;
  }
}
