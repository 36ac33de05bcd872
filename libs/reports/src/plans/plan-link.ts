import { type ReportLinkPayload, signSubjectLink, verifySubjectLink } from '../report-link';

/**
 * The link a manager's own manager gets when a plan is shared: signed, expiring, naming the
 * campaign and the subject. It reads the plan only while the plan is shared (the page checks),
 * so unsharing closes it; it is never stored, so there is no token to keep as a hash.
 */
export type PlanShareLink = ReportLinkPayload;

const PURPOSE = 'plan-share';

export function signPlanShareLink(link: PlanShareLink, secret: string): string {
  return signSubjectLink(PURPOSE, link, secret);
}

export function verifyPlanShareLink(
  token: string,
  secret: string,
  nowSeconds: number,
): PlanShareLink | null {
  return verifySubjectLink(PURPOSE, token, secret, nowSeconds);
}
