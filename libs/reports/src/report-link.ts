import { createHmac, timingSafeEqual } from 'node:crypto';

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

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(`report:${data}`).digest('base64url');
}

export function signReportLink(payload: ReportLinkPayload, secret: string): string {
  const data = Buffer.from(
    JSON.stringify([payload.campaignId, payload.subjectId, payload.exp]),
  ).toString('base64url');
  return `${data}.${sign(data, secret)}`;
}

export function verifyReportLink(
  token: string,
  secret: string,
  nowSeconds: number,
): ReportLinkPayload | null {
  const [data, signature, extra] = token.split('.');
  if (!data || !signature || extra !== undefined) {
    return null;
  }
  const expected = Buffer.from(sign(data, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return null;
  }
  try {
    const [campaignId, subjectId, exp] = JSON.parse(
      Buffer.from(data, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof campaignId !== 'string' ||
      typeof subjectId !== 'string' ||
      typeof exp !== 'number' ||
      exp <= nowSeconds
    ) {
      return null;
    }
    return { campaignId, subjectId, exp };
  } catch {
    return null;
  }
}
