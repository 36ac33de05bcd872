import { TemplateRenderer } from '@ledarspegel/templates';
import { textsFrom } from './texts';

describe('textsFrom', () => {
  const templates = new TemplateRenderer();

  it('gives the same texts as the TemplateRenderer, parameters filled in', () => {
    for (const language of ['sv', 'en'] as const) {
      const texts = textsFrom(templates.dictionary(language));
      for (const [key, parameters] of [
        ['report.for', { name: 'Åsa Öberg' }],
        ['report.page', { page: 3 }],
        ['report.anonymity', { k: 3 }],
        ['report.title', {}],
      ] as const) {
        expect(texts(key, parameters)).toBe(templates.message(language, key, parameters));
      }
    }
    expect(textsFrom({ a: 'Hej {name}, {missing}' })('a', { name: 'Bo' })).toBe(
      'Hej Bo, {missing}',
    );
  });

  it('refuses a key it does not have', () => {
    expect(() => textsFrom({})('report.nothing')).toThrow("no text for 'report.nothing'");
  });
});
