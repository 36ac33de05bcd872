/**
 * The questionnaires must carry the customers' documents faithfully: every bullet of Huddinge's
 * "Att vara ledare" and every "Att ..." of Kalix's Ledarplan is exactly one item, in its area,
 * and no item is invented. The documents are parsed here independently of the JSON files.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface SeedItem {
  id: string;
  source: string;
  text: { sv: string; en: string };
  selfText: { sv: string; en: string };
}
interface SeedQuestionnaire {
  key: string;
  dimensions: { key: string; title: { sv: string; en: string }; items: SeedItem[] }[];
  openQuestions: { id: string; text: { sv: string; en: string } }[];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');

function lines(file: string): string[] {
  return fs.readFileSync(path.join(root, 'seeds/sources', file), 'utf8').split(/\r?\n/);
}

function questionnaire(key: string): SeedQuestionnaire {
  return JSON.parse(
    fs.readFileSync(path.join(root, 'seeds/questionnaires', `${key}.json`), 'utf8'),
  ) as SeedQuestionnaire;
}

/**
 * Collects list entries (a start line and its lowercase continuation lines, which the PDF
 * export separates with blank lines) under the nearest heading among `headings`.
 */
function entriesByHeading(
  all: string[],
  headings: string[],
  isStart: (line: string) => boolean,
  strip: (line: string) => string,
  stopAt: RegExp,
): Map<string, string[]> {
  const result = new Map<string, string[]>(headings.map((heading) => [heading, []]));
  let heading: string | undefined;
  let current: string[] | undefined;
  const flush = () => {
    if (current && heading) {
      result.get(heading)?.push(normalise(current.join(' ')));
    }
    current = undefined;
  };
  for (const raw of all) {
    const line = raw.trim();
    if (stopAt.test(line)) {
      flush();
      heading = undefined;
      continue;
    }
    const found = headings.find(
      (h) => line === h || line.endsWith(`– ${h}`) || line.endsWith(`- ${h}`),
    );
    if (found) {
      flush();
      heading = found;
    } else if (isStart(raw)) {
      flush();
      current = [strip(raw)];
    } else if (current && line !== '') {
      if (/^\p{Ll}/u.test(line) && !line.startsWith('fortsättning på sidan')) {
        current.push(line);
      } else {
        flush();
      }
    }
  }
  flush();
  return result;
}

const sorted = (list: string[]) => [...list].sort();

describe('questionnaire seeds cover the source documents', () => {
  const cases = [
    {
      key: 'huddinge-ledarskap',
      total: 36,
      counts: [5, 5, 5, 7, 8, 6],
      headings: [
        'Tydliggöra mål och förväntningar',
        'Vara en förebild',
        'Skapa gemensamma visioner',
        'Utmana och ifrågasätta',
        'Frigöra handlingskraft',
        'Uppmuntra och synliggöra',
      ],
      entries: () =>
        entriesByHeading(
          lines('huddinge-att-vara-ledare.txt'),
          [
            'Tydliggöra mål och förväntningar',
            'Vara en förebild',
            'Skapa gemensamma visioner',
            'Utmana och ifrågasätta',
            'Frigöra handlingskraft',
            'Uppmuntra och synliggöra',
          ],
          (line) => line.trimStart().startsWith('•'),
          (line) => line.trimStart().slice(1),
          /^(Källa:|Maria Klasson|Anders Lindelöf)/,
        ),
    },
    {
      key: 'kalix-ledarplan',
      total: 24,
      counts: [5, 5, 3, 11],
      headings: [
        'Verksamhetskompetens',
        'Strategisk kompetens',
        'Administrativ kompetens',
        'Social kompetens',
      ],
      entries: () =>
        entriesByHeading(
          lines('kalix-ledarplan.txt'),
          [
            'Verksamhetskompetens',
            'Strategisk kompetens',
            'Administrativ kompetens',
            'Social kompetens',
          ],
          // the bullet glyph is lost in the text export; list entries keep its indent
          (line) => /^\s+Att /.test(line),
          (line) => line.trim(),
          /^Förväntningar mellan den politiska ledningen/,
        ),
    },
  ];

  describe.each(cases)('$key', ({ key, total, counts, headings, entries }) => {
    const q = questionnaire(key);
    const parsed = entries();

    it('has the areas of the document, in order, with one item per entry', () => {
      expect(q.dimensions.map((d) => d.title.sv)).toEqual(headings);
      expect(q.dimensions.map((d) => d.items.length)).toEqual(counts);
      expect(q.dimensions.flatMap((d) => d.items)).toHaveLength(total);
      expect([...parsed.values()].map((list) => list.length)).toEqual(counts);
    });

    it('holds exactly the entries of each area as item sources', () => {
      for (const dimension of q.dimensions) {
        expect(sorted(dimension.items.map((item) => normalise(item.source)))).toEqual(
          sorted(parsed.get(dimension.title.sv) ?? []),
        );
      }
    });

    it('phrases every item for others and for the self-assessment in sv and en', () => {
      const ids = q.dimensions.flatMap((d) => d.items.map((item) => item.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of q.dimensions.flatMap((d) => d.items)) {
        expect(item.id).toMatch(/^[a-z0-9-]+$/);
        expect(item.text.sv).toMatch(/^Min chef \S.*\.$/);
        expect(item.text.en).toMatch(/^My manager \S.*\.$/);
        expect(item.selfText.sv).toMatch(/^Jag \S.*\.$/);
        expect(item.selfText.en).toMatch(/^I \S.*\.$/);
      }
      expect(q.openQuestions.map((o) => o.id)).toEqual(['strengths', 'develop']);
    });
  });
});
