import { signToken, verifyToken } from '@ledarspegel/auth';

/**
 * The link a manager's own manager gets when a plan is shared: signed, expiring, naming the
 * campaign and the subject. It reads the plan only while the plan is shared (the page checks),
 * so unsharing closes it; it is never stored, so there is no token to keep as a hash.
 */
export interface PlanShareLink {
  campaignId: string;
  subjectId: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

const PURPOSE = 'plan-share';

export function signPlanShareLink(link: PlanShareLink, secret: string): string {
  return signToken(PURPOSE, [link.campaignId, link.subjectId, link.exp], secret);
}

export function verifyPlanShareLink(
  token: string,
  secret: string,
  nowSeconds: number,
): PlanShareLink | null {
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
