import {
  AdminSession,
  AdminUser,
  AuditEntry,
  OidcSignInState,
  SignInCounter,
} from '@ledarspegel/auth';
import {
  Assignment,
  AssignmentToken,
  Campaign,
  CampaignItemSet,
  CampaignRater,
  CampaignSubject,
  DailyResponseCount,
  NominatedRater,
  Nomination,
  NominationToken,
  SubjectTally,
} from '@ledarspegel/campaigns';
import { RetentionRun, RetentionSettings } from '@ledarspegel/compliance';
import { OutboxMessage } from '@ledarspegel/mail';
import { Person } from '@ledarspegel/people';
import { QuestionnaireVersion } from '@ledarspegel/questionnaires';
import { DevelopmentPlan, Report } from '@ledarspegel/reports';
import { Draft, SurveyResponse } from '@ledarspegel/responses';

/**
 * Every entity of the schema, assembled beside the apps from the libs that own them (each lib
 * registers its own with `TypeOrmModule.forFeature`, and `libs/database` knows none). The
 * migration tooling generates and checks the migrations against this list, and each app's data
 * source must hold exactly these (test/schema.e2e-spec.ts).
 */
export const ALL_ENTITIES = [
  AdminUser,
  AdminSession,
  SignInCounter,
  OidcSignInState,
  AuditEntry,
  Person,
  Campaign,
  CampaignItemSet,
  CampaignSubject,
  CampaignRater,
  Assignment,
  AssignmentToken,
  DailyResponseCount,
  SubjectTally,
  Nomination,
  NominatedRater,
  NominationToken,
  OutboxMessage,
  SurveyResponse,
  Draft,
  Report,
  RetentionSettings,
  RetentionRun,
  DevelopmentPlan,
  QuestionnaireVersion,
];
