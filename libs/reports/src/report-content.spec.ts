import { readAuditedReport } from './report-content';
import { sampleReport } from './renderers/pdf/sample-report';

describe('readAuditedReport', () => {
  it('drops a stored figure of a group the report does not show on its own', () => {
    // a report stored before aggregate decided the group set: a manager figure on one item,
    // while the manager is pooled into others at the group level
    const { report } = sampleReport();
    const [first] = report.items;
    const stored = {
      ...report,
      items: report.items.map((item) =>
        item === first
          ? { ...item, scores: { ...item.scores, manager: { ...item.scores.self!, n: 1 } } }
          : item,
      ),
    };
    expect(stored.items[0]?.scores.manager).not.toBeNull();
    const read = readAuditedReport(JSON.stringify(stored));
    expect(read.groups.find((g) => g.group === 'manager')?.shown).toBe(false);
    expect(read.items[0]?.scores.manager).toBeNull();
    expect(read.items[0]?.scores.self).toEqual(report.items[0]?.scores.self);
    expect(read.items[0]?.scores.direct_report).toEqual(report.items[0]?.scores.direct_report);
    expect(read.dimensions).toEqual(report.dimensions);
  });
});
