import type { OrganisationSummary } from '@ledarspegel/reports';
import { CAMPAIGN, QUESTIONNAIRE } from './fixtures/view-fixtures';
import { heatCells, heatClass, resultsView } from './results.view';

describe('heatmap bands', () => {
  it.each([
    [1, 'heat-1'],
    [2.49, 'heat-1'],
    [2.5, 'heat-2'],
    [2.99, 'heat-2'],
    [3, 'heat-3'],
    [3.49, 'heat-3'],
    [3.5, 'heat-4'],
    [3.99, 'heat-4'],
    [4, 'heat-5'],
    [5, 'heat-5'],
  ])('puts a mean of %p in %s', (mean, band) => {
    expect(heatClass(mean)).toBe(band);
  });
});

describe('heatmap cells', () => {
  it('writes the mean to one decimal the way the language does, with its n and band', () => {
    expect(heatCells('sv')({ n: 4, mean: 3.26 })).toEqual({ value: '3,3', n: 4, heat: 'heat-3' });
    expect(heatCells('en')({ n: 4, mean: 3.26 })).toEqual({ value: '3.3', n: 4, heat: 'heat-3' });
    // as the reports round: a half up (29/20 reads 1,5), and 3.48 reads 3,5 and is coloured
    // as 3,5, not in the band below
    expect(heatCells('sv')({ n: 20, mean: 29 / 20 })).toMatchObject({ value: '1,5' });
    expect(heatCells('sv')({ n: 4, mean: 3.48 })).toEqual({ value: '3,5', n: 4, heat: 'heat-4' });
  });

  it('leaves a suppressed score empty and uncoloured', () => {
    expect(heatCells('sv')(null)).toEqual({ value: null });
    expect(heatCells('sv')(undefined)).toEqual({ value: null });
  });
});

describe('the results page', () => {
  // Bo's others are shown; Åsa's team was below k, so her row is all suppressed.
  const summary: OrganisationSummary = {
    campaignId: CAMPAIGN.id,
    threshold: 3,
    managers: [
      {
        employeeId: 'B1',
        name: 'Bo Berg',
        unit: 'Skola',
        invited: 5,
        responded: 4,
        dimensions: { listen: { n: 4, mean: 4.25 }, lead: { n: 4, mean: 2.4 } },
      },
      {
        employeeId: 'Å 1',
        name: 'Åsa Ek',
        unit: 'Vård',
        invited: 3,
        responded: 1,
        dimensions: { listen: null, lead: null },
      },
    ],
    dimensions: [
      { key: 'listen', others: { n: 4, mean: 4.25, managers: 1 } },
      { key: 'lead', others: null },
      { key: 'gone', others: null },
    ],
    units: [
      { unit: 'Skola', invited: 5, responded: 4 },
      { unit: 'Vård', invited: 3, responded: 1 },
    ],
  };

  const view = resultsView({
    campaign: { ...CAMPAIGN, status: 'closed' },
    summary,
    questionnaire: QUESTIONNAIRE,
    language: 'en',
  });

  it('names the dimensions in the language (a key the questionnaire lacks as itself)', () => {
    expect(view.dimensions).toEqual([
      { key: 'listen', title: 'Listens' },
      { key: 'lead', title: 'Leads' },
      { key: 'gone', title: 'gone' },
    ]);
    expect(view.threshold).toBe(3);
  });

  it('colours the shown cells and leaves the suppressed ones empty', () => {
    expect(view.overall).toEqual([
      { value: '4.3', n: 4, heat: 'heat-5' },
      { value: null },
      { value: null },
    ]);
    expect(view.managers.map((m) => m.cells)).toEqual([
      [
        { value: '4.3', n: 4, heat: 'heat-5' },
        { value: '2.4', n: 4, heat: 'heat-1' },
        { value: null },
      ],
      [{ value: null }, { value: null }, { value: null }],
    ]);
  });

  it('gives each manager their rate and a link to their report', () => {
    expect(view.managers.map((m) => [m.rate, m.reportUrl])).toEqual([
      [80, `/admin/campaigns/${CAMPAIGN.id}/reports/B1`],
      [33, `/admin/campaigns/${CAMPAIGN.id}/reports/%C3%85%201`],
    ]);
    expect(view.units).toEqual([
      { unit: 'Skola', invited: 5, responded: 4, rate: 80 },
      { unit: 'Vård', invited: 3, responded: 1, rate: 33 },
    ]);
  });
});
