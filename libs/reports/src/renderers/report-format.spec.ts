import { formatDifference, formatMean, roundMean, shownDifference } from './report-format';

describe('how figures are written', () => {
  it('writes a mean with one decimal in the report language', () => {
    expect(formatMean(3.5, 'sv')).toBe('3,5');
    expect(formatMean(3.5, 'en')).toBe('3.5');
    expect(formatMean(4, 'sv')).toBe('4,0');
    expect(formatMean(3.84, 'sv')).toBe('3,8');
  });

  it('rounds a mean on a half up, whatever the binary noise (67/20 is 3.35)', () => {
    expect(roundMean(67 / 20)).toBe(3.4);
    expect(formatMean(67 / 20, 'sv')).toBe('3,4');
    expect(roundMean(3.45)).toBe(3.5);
    expect(roundMean(13 / 4)).toBe(3.3);
    expect(roundMean(2.94999)).toBe(2.9);
  });

  it('takes a difference between the rounded figures shown, so that it adds up', () => {
    // the issue: "Själv 3,8, Övriga 3,4 (+0,3)" where the unrounded difference is 0.34
    expect(formatMean(3.84, 'sv')).toBe('3,8');
    expect(formatMean(3.45, 'sv')).toBe('3,5');
    expect(shownDifference(3.84, 3.45)).toBe(0.3);
    expect(shownDifference(3.75, 3.44)).toBe(0.4); // 3,8 - 3,4; unrounded 0.31
    expect(formatDifference(shownDifference(3.75, 3.44), 'sv')).toBe('+0,4');
    // "3,5 -> 3,3 (-0,1)": 3.45 -> 3.34 is -0.11 unrounded, -0,2 as shown
    expect(formatDifference(shownDifference(3.34, 3.45), 'sv')).toBe('\u22120,2');
    expect(formatDifference(shownDifference(3.34, 3.45), 'en')).toBe('-0.2');
  });

  it('never writes a signed zero', () => {
    for (const language of ['sv', 'en'] as const) {
      const zero = language === 'sv' ? '0,0' : '0.0';
      expect(formatDifference(shownDifference(3.26, 3.3), language)).toBe(zero); // -0.04
      expect(formatDifference(shownDifference(3.3, 3.26), language)).toBe(zero);
      expect(formatDifference(-0, language)).toBe(zero);
      expect(formatDifference(-0.04, language)).toBe(zero);
      expect(formatDifference(0.04, language)).toBe(zero);
    }
    expect(formatDifference(0.1, 'en')).toBe('+0.1');
    expect(formatDifference(1.2, 'sv')).toBe('+1,2');
  });
});
