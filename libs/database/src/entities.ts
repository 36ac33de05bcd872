import { AdminSession, AdminUser, SignInCounter } from '@ledarspegel/auth';
import {
  Assignment,
  AssignmentToken,
  Campaign,
  CampaignRater,
  CampaignSubject,
  DailyResponseCount,
  SubjectTally,
} from '@ledarspegel/campaigns';
import { OutboxMessage } from '@ledarspegel/mail';
import { Person } from '@ledarspegel/people';
import { Report } from '@ledarspegel/reports';
import { Draft, SurveyResponse } from '@ledarspegel/responses';

/** Every entity of the schema: the migrations must describe exactly these (schema.e2e-spec). */
export const ENTITIES = [
  AdminUser,
  AdminSession,
  SignInCounter,
  Person,
  Campaign,
  CampaignSubject,
  CampaignRater,
  Assignment,
  AssignmentToken,
  DailyResponseCount,
  SubjectTally,
  OutboxMessage,
  SurveyResponse,
  Draft,
  Report,
];
