import { CAMPAIGN, keys, QUESTIONNAIRE } from './fixtures/view-fixtures';
import { surveyPreviewView } from './survey-preview.view';

describe('the survey preview', () => {
  const preview = (self: boolean) =>
    surveyPreviewView({
      campaign: CAMPAIGN,
      questionnaire: QUESTIONNAIRE,
      self,
      language: 'sv',
      t: keys,
    });

  it("links to the manager's own version and back", () => {
    expect(preview(false).preview).toEqual({
      otherView: `/admin/campaigns/${CAMPAIGN.id}/survey-preview?as=self`,
      back: `/admin/campaigns/${CAMPAIGN.id}`,
    });
    expect(preview(true).preview.otherView).toBe(`/admin/campaigns/${CAMPAIGN.id}/survey-preview`);
  });

  it("asks a rater's questions, or the manager's own, with nothing answered", () => {
    const texts = (view: Record<string, unknown>) =>
      (view.dimensions as { items: { text: string; options: { checked: boolean }[] }[] }[]).flatMap(
        (d) => d.items,
      );
    expect(texts(preview(false)).map((i) => i.text)).toEqual(['Lyssnar', 'Frågar', 'Leder']);
    expect(texts(preview(true)).map((i) => i.text)).toEqual([
      'Jag lyssnar',
      'Jag frågar',
      'Jag leder',
    ]);
    expect(
      texts(preview(false))
        .flatMap((i) => i.options)
        .some((o) => o.checked),
    ).toBe(false);
    expect(preview(false).title).toBe(`admin.campaign.surveyPreviewTitle {"name":"Vår 2027"}`);
  });
});
