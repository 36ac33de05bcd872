import type { AdminRole } from '../admin-actor';

export interface RoleMapping {
  /** The claim's name; when no claim has that very name, a dotted path (realm_access.roles). */
  readonly roleClaim: string;
  readonly adminRoles: readonly string[];
  readonly readerRoles: readonly string[];
}

/**
 * The values of the role claim: an array of strings, or a string, which counts as itself and,
 * as some providers send several roles in one string, as each of its space- or comma-separated
 * parts. Anything else counts as no role.
 */
export function roleClaimValues(
  claims: Readonly<Record<string, unknown>>,
  claim: string,
): string[] {
  let found: unknown = claims[claim];
  if (found === undefined && claim.includes('.')) {
    found = claim
      .split('.')
      .reduce<unknown>(
        (node, key) =>
          node !== null && typeof node === 'object' && !Array.isArray(node)
            ? (node as Record<string, unknown>)[key]
            : undefined,
        claims,
      );
  }
  if (typeof found === 'string') {
    return [...new Set([found, ...found.split(/[\s,]+/)])].filter(Boolean);
  }
  if (Array.isArray(found)) {
    return found.filter((entry): entry is string => typeof entry === 'string');
  }
  return [];
}

/**
 * The role an identity provider's claims give an HR user: admin when any value is an admin
 * role, else reader when any is a reader role, else none (null: no access). Values compare
 * exactly, case and all, as the provider sends them.
 */
export function roleFromClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: RoleMapping,
): AdminRole | null {
  const values = roleClaimValues(claims, mapping.roleClaim);
  if (values.some((value) => mapping.adminRoles.includes(value))) {
    return 'admin';
  }
  if (values.some((value) => mapping.readerRoles.includes(value))) {
    return 'reader';
  }
  return null;
}

/**
 * Whether two issuer identifiers name the same provider: as URLs, so that the configured
 * `https://idp.example` and the provider's own `https://idp.example/` agree, as discovery does.
 */
export function sameIssuer(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
