import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Why the answers are not in the extract, in plain words, in both languages. */
export const WHY_NO_ANSWERS = {
  sv: 'Utdraget visar allt Ledarspegel har sparat om dig. Dina svar på enkäter finns inte med, eftersom de sparas anonymt: ett svar lagras utan namn, utan koppling till dig och utan tidpunkt, så ingen – inte heller vi – kan ta fram vilka svar som är dina. Därför står här bara vilka kampanjer du blev ombedd att svara i och hur många personer du skulle bedöma. Om du själv blev bedömd finns rapporten om dig, med sammanställda svar från minst så många personer som kampanjens gräns kräver.',
  en: 'This extract shows everything Ledarspegel has stored about you. Your answers to surveys are not included, because they are stored anonymously: an answer is kept without a name, without any link to you and without a time, so nobody – not even we – can tell which answers are yours. This is why it only lists the campaigns you were asked to answer in and how many people you were asked to rate. If you were assessed yourself, the report about you exists, with answers combined from at least as many people as the campaign’s threshold requires.',
} as const;

export class ExtractPersonDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: String, nullable: true }) managerEmployeeId!: string | null;
  @ApiProperty({ enum: ['sv', 'en'] }) locale!: 'sv' | 'en';
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) leftAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) anonymisedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ExtractManagerDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
}

export class ExtractSubjectCampaignDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true }) launchedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'when retention removed its reports' })
  disposedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the stored report about the person' })
  reportId!: string | null;
}

export class ExtractRaterCampaignDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'how many people they were asked to rate' }) asked!: number;
  @ApiProperty({ description: 'the same by relationship (direct_report, peer, ...)' })
  byRelationship!: Record<string, number>;
}

export class ExtractEmailDto {
  @ApiProperty({ description: 'invitation, reminder or report' }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty() toAddress!: string;
  @ApiProperty() status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) sentAt!: string | null;
}

export class ExtractPlanDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({ type: [String], description: 'the statements (item ids) chosen as focus' })
  focusItems!: string[];
  @ApiProperty() actions!: string;
  @ApiProperty() support!: string;
  @ApiProperty({ type: String, nullable: true }) startsOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewOn!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'when it was shared with their manager',
  })
  sharedAt!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class ExtractNominationDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({ enum: ['waiting', 'nominated', 'approved'] }) status!: string;
  @ApiProperty({ type: [String], description: 'employee ids they chose' }) nominated!: string[];
  @ApiProperty({ type: [String], description: 'employee ids approved' }) approved!: string[];
}

export class ExtractNamedOnListsDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({ description: "how many managers' lists of raters name them" }) lists!: number;
}

export class ExtractExplanationDto {
  @ApiProperty() sv!: string;
  @ApiProperty() en!: string;
}

/** Everything stored about one person (GDPR art. 15), except what cannot be linked to them. */
export class RegisterExtractDto {
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: ExtractExplanationDto }) whyNoAnswers!: ExtractExplanationDto;
  @ApiProperty({ type: ExtractPersonDto }) person!: ExtractPersonDto;
  @ApiPropertyOptional({ type: ExtractManagerDto, nullable: true })
  manager!: ExtractManagerDto | null;
  @ApiProperty({ type: [String], description: 'employee ids of the people who report to them' })
  directReports!: string[];
  @ApiProperty({ type: [ExtractSubjectCampaignDto] }) assessedIn!: ExtractSubjectCampaignDto[];
  @ApiProperty({ type: [ExtractRaterCampaignDto] }) askedToRate!: ExtractRaterCampaignDto[];
  @ApiProperty({ type: [ExtractEmailDto] }) emails!: ExtractEmailDto[];
  @ApiProperty({ type: [ExtractPlanDto], description: 'their own development plans' })
  developmentPlans!: ExtractPlanDto[];
  @ApiProperty({ type: [ExtractNominationDto], description: 'the raters they nominated' })
  nominations!: ExtractNominationDto[];
  @ApiProperty({ type: [ExtractNamedOnListsDto] })
  namedOnNominationLists!: ExtractNamedOnListsDto[];
}

export class AnonymisedDto {
  @ApiProperty({ description: 'the placeholder that replaced the employee id' })
  employeeId!: string;
  @ApiProperty() anonymisedAt!: string;
}
