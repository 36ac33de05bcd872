import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertMayChange, assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { Person } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { Assignment } from './assignment.entity';
import { CampaignRater } from './campaign-rater.entity';
import { CampaignSubject } from './campaign-subject.entity';
import { Campaign } from './campaign.entity';
import {
  AddRaterDto,
  CampaignResponseDto,
  CreateCampaignDto,
  LaunchResultDto,
  ProgressDto,
  RatersPreviewDto,
  SubjectRatersDto,
  toCampaignResponse,
} from './campaign.dto';
import { DailyResponseCount } from './daily-response-count.entity';
import { raterWarnings } from '@ledarspegel/anonymity';
import { DerivedRater, deriveRaters, OrgPerson } from './rater-derivation';
import { DEFAULT_ANONYMITY_THRESHOLD, RELATIONSHIPS, Relationship } from './relationship';
import { StorageSealer } from './storage-sealer';
import { SubjectTally } from './subject-tally.entity';

const CHUNK = 400;
const DEFAULT_GROUPS: Relationship[] = ['self', 'manager', 'direct_report', 'peer'];

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) {
    result.push(list.slice(start, start + size));
  }
  return result;
}

function emptyCounts(): Record<Relationship, number> {
  return { self: 0, manager: 0, direct_report: 0, peer: 0, other: 0 };
}

interface SubjectCounts {
  subjectId: string;
  invited: string | number;
  responded: string | number | null;
}

export type CloseListener = (manager: EntityManager, campaign: Campaign) => Promise<number>;

@Injectable()
export class CampaignsService {
  private readonly closeListeners: CloseListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly outbox: OutboxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly storage: StorageSealer,
  ) {}

  async create(actor: ServiceActor, dto: CreateCampaignDto): Promise<CampaignResponseDto> {
    assertMayChange(actor);
    const questionnaire = this.questionnaireFor(dto.questionnaireKey);
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (closesAt && closesAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainError('invalid', 'closesAt must be in the future.', [
        { field: 'closesAt', message: 'must be in the future' },
      ]);
    }
    const raterGroups = dto.raterGroups ?? DEFAULT_GROUPS;
    return transaction(this.dataSource, async (manager) => {
      const subjects = await this.resolveSubjects(manager, dto);
      const campaign = await manager.save(
        manager.create(Campaign, {
          name: dto.name.trim(),
          questionnaireKey: questionnaire.key,
          questionnaireVersion: questionnaire.version,
          status: 'draft',
          anonymityThreshold: dto.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD,
          showManagerSeparately: dto.showManagerSeparately ?? false,
          raterGroups: RELATIONSHIPS.filter((group) => raterGroups.includes(group)),
          closesAt,
          reminderDays: [...(dto.reminderDays ?? [])].sort((a, b) => a - b).map(String),
          remindersSent: [],
          launchedAt: null,
          closedAt: null,
          sealedAt: null,
        }),
      );
      for (const chunk of chunks(subjects)) {
        await manager.insert(
          CampaignSubject,
          chunk.map((person) => ({ campaignId: campaign.id, personId: person.id })),
        );
      }
      return toCampaignResponse(
        campaign,
        subjects.map((person) => ({ employeeId: person.employeeId, name: person.name })),
      );
    });
  }

  private questionnaireFor(key: string) {
    try {
      return this.questionnaires.get(key);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') {
        throw new DomainError('invalid', error.message, [
          { field: 'questionnaireKey', message: `unknown questionnaire '${key}'` },
        ]);
      }
      throw error;
    }
  }

  async list(actor: ServiceActor): Promise<CampaignResponseDto[]> {
    assertMayRead(actor);
    const campaigns = await this.dataSource
      .getRepository(Campaign)
      .find({ order: { createdAt: 'DESC' } });
    return Promise.all(
      campaigns.map(async (campaign) =>
        toCampaignResponse(campaign, await this.subjectsOf(campaign.id)),
      ),
    );
  }

  async get(actor: ServiceActor, id: string): Promise<CampaignResponseDto> {
    assertMayRead(actor);
    const campaign = await this.find(id);
    return toCampaignResponse(campaign, await this.subjectsOf(campaign.id));
  }

  async raters(actor: ServiceActor, id: string): Promise<RatersPreviewDto> {
    assertMayRead(actor);
    const campaign = await this.find(id);
    const { raters, people } =
      campaign.status === 'draft'
        ? await this.derive(this.dataSource.manager, campaign)
        : await this.launched(campaign);
    return this.preview(campaign, raters, people);
  }

  async addRater(actor: ServiceActor, id: string, dto: AddRaterDto): Promise<RatersPreviewDto> {
    assertMayChange(actor);
    return transaction(this.dataSource, async (manager) => {
      const campaign = await this.findDraft(manager, id);
      if (!campaign.raterGroups.includes(dto.relationship)) {
        throw new DomainError('invalid', `This campaign does not ask ${dto.relationship} raters.`, [
          {
            field: 'relationship',
            message: `not among the campaign's rater groups (${campaign.raterGroups.join(', ')})`,
          },
        ]);
      }
      const [subject, rater] = await Promise.all([
        manager.findOneBy(Person, { employeeId: dto.subjectEmployeeId }),
        manager.findOneBy(Person, { employeeId: dto.raterEmployeeId }),
      ]);
      const details = [];
      if (
        !subject ||
        !(await manager.existsBy(CampaignSubject, { campaignId: id, personId: subject.id }))
      ) {
        details.push({
          field: 'subjectEmployeeId',
          message: `'${dto.subjectEmployeeId}' is not a subject of this campaign`,
        });
      }
      if (!rater?.active) {
        details.push({
          field: 'raterEmployeeId',
          message: `no active person has the employee id '${dto.raterEmployeeId}'`,
        });
      }
      if (subject && rater && subject.id === rater.id) {
        details.push({
          field: 'raterEmployeeId',
          message: 'a subject rates themselves only in the self-assessment',
        });
      }
      if (details.length > 0 || !subject || !rater) {
        throw new DomainError('invalid', 'The rater cannot be added.', details);
      }
      const { raters } = await this.derive(manager, campaign);
      const existing = raters.find((r) => r.subjectId === subject.id && r.raterId === rater.id);
      if (existing && existing.relationship !== 'peer' && existing.relationship !== 'other') {
        throw new DomainError(
          'conflict',
          `${rater.name} already rates ${subject.name} as ${existing.relationship}.`,
        );
      }
      await manager.upsert(
        CampaignRater,
        {
          campaignId: id,
          subjectId: subject.id,
          raterId: rater.id,
          relationship: dto.relationship,
        },
        ['campaignId', 'subjectId', 'raterId'],
      );
      const derived = await this.derive(manager, campaign);
      return this.preview(campaign, derived.raters, derived.people);
    });
  }

  async removeRater(
    actor: ServiceActor,
    id: string,
    subjectEmployeeId: string,
    raterEmployeeId: string,
  ): Promise<void> {
    assertMayChange(actor);
    await transaction(this.dataSource, async (manager) => {
      await this.findDraft(manager, id);
      const [subject, rater] = await Promise.all([
        manager.findOneBy(Person, { employeeId: subjectEmployeeId }),
        manager.findOneBy(Person, { employeeId: raterEmployeeId }),
      ]);
      const result =
        subject && rater
          ? await manager.delete(CampaignRater, {
              campaignId: id,
              subjectId: subject.id,
              raterId: rater.id,
            })
          : null;
      if (!result?.affected) {
        throw new DomainError(
          'not_found',
          `${raterEmployeeId} was not added as a rater of ${subjectEmployeeId}.`,
        );
      }
    });
  }

  /**
   * Freezes the raters and k, creates one assignment per rater and subject and one invitation
   * per rater, in one transaction. Launching again changes nothing and sends nothing.
   */
  async launch(actor: ServiceActor, id: string): Promise<LaunchResultDto> {
    assertMayChange(actor);
    return transaction(this.dataSource, async (manager) => {
      const campaign = await manager.findOneBy(Campaign, { id });
      if (!campaign) {
        throw new DomainError('not_found', `No campaign ${id}.`);
      }
      if (campaign.status !== 'draft') {
        return this.launchCounts(manager, id);
      }
      const now = this.clock.now();
      const claimed = await manager.update(
        Campaign,
        { id, status: 'draft' },
        { status: 'open', launchedAt: now },
      );
      if (!claimed.affected) {
        return this.launchCounts(manager, id);
      }
      const { raters, people } = await this.derive(manager, campaign);
      if (raters.length === 0) {
        throw new DomainError(
          'invalid',
          'No one would be asked: the subjects have no active raters in the chosen groups.',
        );
      }
      for (const chunk of chunks(raters)) {
        await manager.insert(
          Assignment,
          chunk.map((rater) => ({ campaignId: id, ...rater, answered: false })),
        );
      }
      const raterIds = [...new Set(raters.map((r) => r.raterId))];
      await this.outbox.enqueue(
        manager,
        raterIds.map((raterId) => ({
          kind: 'invitation',
          campaignId: id,
          recipientId: raterId,
          toAddress: people.get(raterId)?.email ?? '',
          payload: { campaignId: id, raterId },
        })),
        now,
      );
      return { invited: raters.length, emailsQueued: raterIds.length };
    });
  }

  /** Runs in the closing transaction (reports are built there); returns how many it made. */
  onClose(listener: CloseListener): void {
    this.closeListeners.push(listener);
  }

  /**
   * Closes an open campaign; its links then answer 410, its reports are built and it is sealed
   * (DESIGN.md, rule 7): in the closing transaction the listeners build the reports and seal
   * the responses, then the assignments hand their counts to the tallies and forget who
   * answered; after the commit the storage is sealed (vacuum, WAL).
   */
  async close(actor: ServiceActor, id: string): Promise<{ reports: number }> {
    assertMayChange(actor);
    const campaign = await this.find(id);
    if (campaign.status !== 'open') {
      throw new DomainError(
        'conflict',
        `Only an open campaign can be closed; this one is ${campaign.status}.`,
      );
    }
    const closed = await transaction(this.dataSource, async (manager) => {
      const closedAt = this.clock.now();
      const result = await manager.update(
        Campaign,
        { id, status: 'open' },
        { status: 'closed', closedAt },
      );
      if (!result.affected) {
        throw new DomainError('conflict', 'The campaign was closed meanwhile.');
      }
      let reports = 0;
      for (const listener of this.closeListeners) {
        reports += await listener(manager, { ...campaign, status: 'closed', closedAt });
      }
      await this.sealAssignments(manager, id);
      return { reports };
    });
    await this.storage.seal([id]);
    return closed;
  }

  /**
   * Counts per subject and relationship go to the tallies; then every assignment of the campaign
   * is rewritten as unanswered, so none of them says any more who answered.
   */
  private async sealAssignments(manager: EntityManager, id: string): Promise<void> {
    const tallies = await manager
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('a.subjectId', 'subjectId')
      .addSelect('a.relationship', 'relationship')
      .addSelect('COUNT(*)', 'invited')
      .addSelect('SUM(CASE WHEN a.answered THEN 1 ELSE 0 END)', 'responded')
      .where('a.campaignId = :id', { id })
      .groupBy('a.subjectId')
      .addGroupBy('a.relationship')
      .getRawMany<{
        subjectId: string;
        relationship: Relationship;
        invited: string | number;
        responded: string | number | null;
      }>();
    for (const chunk of chunks(tallies)) {
      await manager.insert(
        SubjectTally,
        chunk.map((row) => ({
          campaignId: id,
          subjectId: row.subjectId,
          relationship: row.relationship,
          invited: Number(row.invited),
          responded: Number(row.responded ?? 0),
        })),
      );
    }
    // All rows, answered or not: on PostgreSQL each gets a new version with this transaction's
    // id, so no assignment keeps the `xmin` of the submit that spent it.
    await manager.update(Assignment, { campaignId: id }, { answered: false });
  }

  async progress(actor: ServiceActor, id: string): Promise<ProgressDto> {
    assertMayRead(actor);
    const campaign = await this.find(id);
    const rows = campaign.status === 'closed' ? await this.talliesOf(id) : await this.countsOf(id);
    const subjects = await this.dataSource
      .getRepository(CampaignSubject)
      .find({ where: { campaignId: id }, relations: { person: true } });
    const bySubjectId = new Map(rows.map((row) => [row.subjectId, row]));
    const bySubject = subjects
      .map(({ person, personId }) => {
        const row = bySubjectId.get(personId);
        return {
          employeeId: person?.employeeId ?? '',
          name: person?.name ?? '',
          invited: Number(row?.invited ?? 0),
          responded: Number(row?.responded ?? 0),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const raters = await this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('COUNT(DISTINCT a.raterId)', 'count')
      .where('a.campaignId = :id', { id })
      .getRawOne<{ count: string | number }>();
    const days = await this.dataSource
      .getRepository(DailyResponseCount)
      .find({ where: { campaignId: id }, order: { day: 'ASC' } });
    const mail = await this.outbox.countsByCampaign(id);
    const failures = await this.outbox.findFailedByCampaign(id);
    return {
      invited: bySubject.reduce((sum, s) => sum + s.invited, 0),
      responded: bySubject.reduce((sum, s) => sum + s.responded, 0),
      raters: Number(raters?.count ?? 0),
      bySubject,
      byDay: days.map(({ day, responded }) => ({ day, responded })),
      mail: { ...mail, failures: failures.map((m) => ({ to: m.toAddress, error: m.lastError })) },
      remindersSent: campaign.remindersSent.map(Number),
    };
  }

  /** While open, the assignments know who answered; only the counts leave this method. */
  private async countsOf(id: string): Promise<SubjectCounts[]> {
    return this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('a.subjectId', 'subjectId')
      .addSelect('COUNT(*)', 'invited')
      .addSelect('SUM(CASE WHEN a.answered THEN 1 ELSE 0 END)', 'responded')
      .where('a.campaignId = :id', { id })
      .groupBy('a.subjectId')
      .getRawMany<SubjectCounts>();
  }

  /** After close only the tallies hold the counts (the assignments forgot who answered). */
  private async talliesOf(id: string): Promise<SubjectCounts[]> {
    return this.dataSource
      .getRepository(SubjectTally)
      .createQueryBuilder('t')
      .select('t.subjectId', 'subjectId')
      .addSelect('SUM(t.invited)', 'invited')
      .addSelect('SUM(t.responded)', 'responded')
      .where('t.campaignId = :id', { id })
      .groupBy('t.subjectId')
      .getRawMany<SubjectCounts>();
  }

  private async launchCounts(manager: EntityManager, id: string): Promise<LaunchResultDto> {
    const invited = await manager.countBy(Assignment, { campaignId: id });
    const raters = await manager
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('COUNT(DISTINCT a.raterId)', 'count')
      .where('a.campaignId = :id', { id })
      .getRawOne<{ count: string | number }>();
    return { invited, emailsQueued: Number(raters?.count ?? 0) };
  }

  private async find(id: string): Promise<Campaign> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id });
    if (!campaign) {
      throw new DomainError('not_found', `No campaign ${id}.`);
    }
    return campaign;
  }

  private async findDraft(manager: EntityManager, id: string): Promise<Campaign> {
    const campaign = await manager.findOneBy(Campaign, { id });
    if (!campaign) {
      throw new DomainError('not_found', `No campaign ${id}.`);
    }
    if (campaign.status !== 'draft') {
      throw new DomainError(
        'conflict',
        `Raters can only change before launch; this campaign is ${campaign.status}.`,
      );
    }
    return campaign;
  }

  private async subjectsOf(campaignId: string): Promise<{ employeeId: string; name: string }[]> {
    const subjects = await this.dataSource
      .getRepository(CampaignSubject)
      .find({ where: { campaignId }, relations: { person: true } });
    return subjects
      .map(({ person }) => ({ employeeId: person?.employeeId ?? '', name: person?.name ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  private async resolveSubjects(manager: EntityManager, dto: CreateCampaignDto): Promise<Person[]> {
    const selection = dto.subjects;
    if (!selection.employeeIds?.length && !selection.unit && !selection.allManagers) {
      throw new DomainError('invalid', 'Choose the managers to assess.', [
        { field: 'subjects', message: 'give employeeIds, a unit or allManagers: true' },
      ]);
    }
    const chosen = new Map<string, Person>();
    if (selection.employeeIds?.length) {
      const wanted = [...new Set(selection.employeeIds)];
      const found: Person[] = [];
      for (const chunk of chunks(wanted)) {
        found.push(...(await manager.findBy(Person, { employeeId: In(chunk), active: true })));
      }
      const known = new Set(found.map((p) => p.employeeId));
      const unknown = wanted.filter((employeeId) => !known.has(employeeId));
      if (unknown.length > 0) {
        throw new DomainError(
          'invalid',
          `No active person has the employee id ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', ...' : ''}.`,
          unknown.map((employeeId) => ({
            field: 'subjects.employeeIds',
            message: `unknown or inactive: ${employeeId}`,
          })),
        );
      }
      found.forEach((person) => chosen.set(person.id, person));
    }
    if (selection.unit || selection.allManagers) {
      const builder = manager
        .getRepository(Person)
        .createQueryBuilder('person')
        .where('person.active = :active', { active: true })
        .andWhere(
          'EXISTS (SELECT 1 FROM person report WHERE report.manager_employee_id = person.employee_id AND report.active = :active)',
        );
      if (selection.unit && !selection.allManagers) {
        builder.andWhere('person.unit = :unit', { unit: selection.unit });
      }
      const managers = await builder.getMany();
      if (selection.unit && !selection.allManagers && managers.length === 0) {
        throw new DomainError('invalid', `No one in the unit '${selection.unit}' manages anyone.`, [
          { field: 'subjects.unit', message: 'no managers in this unit' },
        ]);
      }
      managers.forEach((person) => chosen.set(person.id, person));
    }
    if (chosen.size === 0) {
      throw new DomainError('invalid', 'There is no manager to assess.', [
        { field: 'subjects', message: 'no managers found' },
      ]);
    }
    return [...chosen.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  /** The raters the organisation chart and HR's additions give right now (draft). */
  private async derive(
    manager: EntityManager,
    campaign: Campaign,
  ): Promise<{ raters: DerivedRater[]; people: Map<string, Person> }> {
    const people = await manager.find(Person, {
      select: [
        'id',
        'employeeId',
        'name',
        'email',
        'managerEmployeeId',
        'active',
        'locale',
        'unit',
      ],
    });
    const subjects = await manager.find(CampaignSubject, { where: { campaignId: campaign.id } });
    const manual = await manager.find(CampaignRater, { where: { campaignId: campaign.id } });
    const org: OrgPerson[] = people;
    const raters = deriveRaters(
      org,
      subjects.map((s) => s.personId),
      campaign.raterGroups,
      manual.map(({ subjectId, raterId, relationship }) => ({ subjectId, raterId, relationship })),
    );
    return { raters, people: new Map(people.map((p) => [p.id, p])) };
  }

  /** The raters frozen at launch. */
  private async launched(
    campaign: Campaign,
  ): Promise<{ raters: DerivedRater[]; people: Map<string, Person> }> {
    const assignments = await this.dataSource.getRepository(Assignment).find({
      where: { campaignId: campaign.id },
      select: ['subjectId', 'raterId', 'relationship'],
    });
    const ids = [...new Set(assignments.flatMap((a) => [a.subjectId, a.raterId]))];
    const people: Person[] = [];
    for (const chunk of chunks(ids)) {
      people.push(...(await this.dataSource.getRepository(Person).findBy({ id: In(chunk) })));
    }
    const subjects = await this.dataSource
      .getRepository(CampaignSubject)
      .findBy({ campaignId: campaign.id });
    const order = new Map(subjects.map((s, index) => [s.personId, index]));
    const raters = assignments.sort(
      (a, b) => (order.get(a.subjectId) ?? 0) - (order.get(b.subjectId) ?? 0),
    );
    return { raters, people: new Map(people.map((p) => [p.id, p])) };
  }

  private async preview(
    campaign: Campaign,
    raters: readonly DerivedRater[],
    people: Map<string, Person>,
  ): Promise<RatersPreviewDto> {
    const subjects = await this.dataSource
      .getRepository(CampaignSubject)
      .findBy({ campaignId: campaign.id });
    const bySubject = new Map<string, SubjectRatersDto>();
    for (const { personId } of subjects) {
      const person = people.get(personId);
      bySubject.set(personId, {
        employeeId: person?.employeeId ?? '',
        name: person?.name ?? '',
        counts: emptyCounts(),
        raters: [],
        warnings: [],
      });
    }
    for (const rater of raters) {
      const entry = bySubject.get(rater.subjectId);
      const person = people.get(rater.raterId);
      if (entry && person) {
        entry.counts[rater.relationship] += 1;
        entry.raters.push({
          employeeId: person.employeeId,
          name: person.name,
          relationship: rater.relationship,
        });
      }
    }
    const list = [...bySubject.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    for (const entry of list) {
      entry.warnings = raterWarnings(
        entry.counts,
        campaign.anonymityThreshold,
        campaign.showManagerSeparately,
      );
    }
    return {
      campaignId: campaign.id,
      status: campaign.status,
      threshold: campaign.anonymityThreshold,
      raters: new Set(raters.map((r) => r.raterId)).size,
      assignments: raters.length,
      subjects: list,
    };
  }
}
