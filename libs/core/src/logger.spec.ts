import { redactRequestPath } from './logger';

describe('redactRequestPath', () => {
  it.each([
    ['/s/AbC123secret', '/s/:token'],
    ['/s/AbC123secret/thanks?x=1', '/s/:token/thanks'],
    ['/s/AbC123secret?x', '/s/:token'],
    ['/s/AbC123secret#top', '/s/:token'],
    ['/%73/AbC123secret', '/s/:token'],
    ['/%2573/AbC123secret', '/s/:token'],
    ['/S/AbC123secret', '/s/:token'],
    ['//s/AbC123secret', '/s/:token'],
    ['/./s/AbC123secret', '/s/:token'],
    ['/x/../s/AbC123secret', '/s/:token'],
    ['/s%2FAbC123secret', '/s/:token'],
    ['/s/%41bC123secret', '/s/:token'],
    ['/s/AbC123secret%ZZ', '/s/:token'],
    ['/n/AbC123secret', '/n/:token'],
    ['/%6E/AbC123secret', '/n/:token'],
    ['/reports/signed.token/view', '/reports/:token/view'],
    ['/%72eports/signed.token', '/reports/:token'],
    ['/api/v1/people?q=anna', '/api/v1/people'],
    ['/api/v1/campaigns/c-1/reports/B1', '/api/v1/campaigns/c-1/reports/B1'],
    ['/health', '/health'],
    ['/', '/'],
    ['/s', '/s'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactRequestPath(url)).toBe(logged);
  });
});
