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

export function signReportLink(payload: ReportLinkPayload, secret: string): string {
  return signToken(PURPOSE, [payload.campaignId, payload.subjectId, payload.exp], secret);
}

export function verifyReportLink(
  token: string,
  secret: string,
  nowSeconds: number,
): ReportLinkPayload | null {
  const payload = verifyToken(PURPOSE, token, secret);
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
