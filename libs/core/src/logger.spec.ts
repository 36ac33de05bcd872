import { redactRequestPath } from './logger';

describe('redactRequestPath', () => {
  it.each([
    ['/s/AbC123secret', '/s/:token'],
    ['/s/AbC123secret/thanks?x=1', '/s/:token/thanks'],
    ['/reports/signed.token/view', '/reports/:token/view'],
    ['/api/v1/people?q=anna', '/api/v1/people'],
    ['/health', '/health'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactRequestPath(url)).toBe(logged);
  });
});
