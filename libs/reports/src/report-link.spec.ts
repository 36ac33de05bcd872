import { signReportLink, verifyReportLink } from './report-link';

const secret = 'r'.repeat(40);

describe('report links', () => {
  it('verify until they expire, and not with another key or when altered', () => {
    const token = signReportLink({ campaignId: 'c', subjectId: 's', exp: 100 }, secret);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(verifyReportLink(token, secret, 99)).toEqual({
      campaignId: 'c',
      subjectId: 's',
      exp: 100,
    });
    expect(verifyReportLink(token, secret, 100)).toBeNull();
    expect(verifyReportLink(token, 'x'.repeat(40), 0)).toBeNull();
    const other = signReportLink({ campaignId: 'c', subjectId: 'other', exp: 100 }, secret);
    expect(verifyReportLink(`${other.split('.')[0]}.${token.split('.')[1]}`, secret, 0)).toBeNull();
    expect(verifyReportLink('garbage', secret, 0)).toBeNull();
  });
});
