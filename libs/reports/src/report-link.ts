import { signToken, verifyToken } from '@ledarspegel/auth';

/**
 * The link in a manager's report e-mail: a signed, expiring token naming the campaign and the
 * subject. It needs no account and is not spent by opening it; it stops working when it expires.
 */
export interface ReportLinkPayload {
  campaignId: string;
  subjectId: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

export const REPORT_LINK_TTL_SECONDS = 180 * 24 * 60 * 60;

const PURPOSE = 'report';

/**
 * A signed, expiring token naming a campaign and a subject, for one purpose: a token signed for
 * one purpose (the report, a shared plan) never verifies for another.
 */
export function signSubjectLink(
  purpose: string,
  payload: ReportLinkPayload,
  secret: string,
): string {
  return signToken(purpose, [payload.campaignId, payload.subjectId, payload.exp], secret);
}

/** The payload of a token signed for `purpose`, or null when forged, foreign or expired. */
export function verifySubjectLink(
  purpose: string,
  token: string,
  secret: string,
  nowSeconds: number,
): ReportLinkPayload | null {
  const payload = verifyToken(purpose, token, secret);
  const [campaignId, subjectId, exp] = Array.isArray(payload) ? (payload as unknown[]) : [];
  if (
    typeof campaignId !== 'string' ||
    typeof subjectId !== 'string' ||
    typeof exp !== 'number' ||
    exp <= nowSeconds
  ) {
    return null;
  }
  return { campaignId, subjectId, exp };
}

export function signReportLink(payload: ReportLinkPayload, secret: string): string {
  return signSubjectLink(PURPOSE, payload, secret);
}

export function verifyReportLink(
  token: string,
  secret: string,
  nowSeconds: number,
): ReportLinkPayload | null {
  return verifySubjectLink(PURPOSE, token, secret, nowSeconds);
}
