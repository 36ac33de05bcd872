import { roleClaimValues, roleFromClaims, sameIssuer } from './oidc-role';

const mapping = {
  roleClaim: 'roles',
  adminRoles: ['Ledarspegel.Admin', 'HR-chef'],
  readerRoles: ['Ledarspegel.Read'],
};

describe('the role an identity provider gives', () => {
  it.each([
    [{ roles: ['Ledarspegel.Admin'] }, 'admin'],
    [{ roles: ['Ledarspegel.Read'] }, 'reader'],
    [{ roles: ['Ledarspegel.Read', 'HR-chef'] }, 'admin'],
    [{ roles: 'HR-chef' }, 'admin'],
    [{ roles: 'Annat Ledarspegel.Read' }, 'reader'],
    [{ roles: 'Other,Ledarspegel.Read' }, 'reader'],
    [{ roles: ['ledarspegel.admin'] }, null],
    [{ roles: ['Other'] }, null],
    [{ roles: [] }, null],
    [{ roles: [42, { value: 'Ledarspegel.Admin' }] }, null],
    [{ roles: null }, null],
    [{ groups: ['Ledarspegel.Admin'] }, null],
    [{}, null],
  ])('%j gives %s', (claims, role) => {
    expect(roleFromClaims(claims, mapping)).toBe(role);
  });

  it('takes a string claim whole too, so a value with a space matches', () => {
    expect(roleFromClaims({ roles: 'HR Admins' }, { ...mapping, adminRoles: ['HR Admins'] })).toBe(
      'admin',
    );
  });

  it('reads a claim by its exact name first, else as a dotted path', () => {
    const keycloak = { realm_access: { roles: ['Ledarspegel.Read'] } };
    expect(roleClaimValues(keycloak, 'realm_access.roles')).toEqual(['Ledarspegel.Read']);
    const namespaced = { 'https://kommun.se/roles': ['HR-chef'], https: { x: 1 } };
    expect(roleClaimValues(namespaced, 'https://kommun.se/roles')).toEqual(['HR-chef']);
    expect(roleClaimValues({ realm_access: ['x'] }, 'realm_access.roles')).toEqual([]);
  });
});

describe('sameIssuer', () => {
  it('compares issuers as URLs', () => {
    expect(sameIssuer('https://idp.example', 'https://idp.example/')).toBe(true);
    expect(sameIssuer('https://IDP.example/t/v2.0', 'https://idp.example/t/v2.0')).toBe(true);
    expect(sameIssuer('https://idp.example/a', 'https://idp.example/b')).toBe(false);
  });
});
