import {
  hashSurveyToken,
  looksLikeSurveyToken,
  maskSurveyTokens,
  newSurveyToken,
} from './survey-token';

describe('survey tokens', () => {
  it('are 192 random bits, URL-safe, and different every time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newSurveyToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(24);
      expect(looksLikeSurveyToken(token)).toBe(true);
    }
  });

  it('are stored as SHA-256 hex', () => {
    expect(hashSurveyToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(looksLikeSurveyToken('../../etc/passwd')).toBe(false);
  });

  it('are masked in text HR reads, links and all, and nothing else is', () => {
    const token = newSurveyToken();
    const other = newSurveyToken();
    const text = `Bedöm Bo: https://x.se/s/${token}\n<a href="https://x.se/s/${other}">länk</a>`;
    expect(maskSurveyTokens(text)).toBe(
      'Bedöm Bo: https://x.se/s/••••\n<a href="https://x.se/s/••••">länk</a>',
    );
    expect(maskSurveyTokens('/s/thanks and /reports/abc.def')).toBe(
      '/s/thanks and /reports/abc.def',
    );
  });
});
