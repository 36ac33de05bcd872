import { AuditContext } from './audit-context';
import { AuditSubject, dimensionFindings, FigureRef, ShownFigures } from './auditor';
import type { ReportGroup } from './groups';

export interface Protection {
  shown: ShownFigures;
  /** what the auditor hid beyond the per-level rule 3, in the order it hid them */
  hidden: FigureRef[];
}

/**
 * Secondary suppression, the way statistical offices protect tables (tau-ARGUS, sdcTable):
 * starting from the groups rule 3 shows at each level, hide the cheapest figure taking part in a
 * combination the auditor finds, then audit again, until it finds none. Each round hides one
 * figure, so it ends; at worst only self is left.
 *
 * A dimension's findings depend on what is shown in it alone, and the auditor reports them
 * dimension by dimension: so each dimension is protected in turn, re-auditing only it, which
 * hides exactly the figures, in the order, that auditing the whole report every round would.
 */
export function protect(subject: AuditSubject, primary: ShownFigures): Protection {
  const copy = (map: ReadonlyMap<string, ReadonlySet<ReportGroup>>) =>
    new Map([...map].map(([key, groups]) => [key, new Set(groups)]));
  const shown = { dimensions: copy(primary.dimensions), items: copy(primary.items) };
  const hidden: FigureRef[] = [];
  const context = new AuditContext(subject);
  const passedCounts = new Set<string>();
  for (const dimension of subject.dimensions) {
    for (;;) {
      const finding = dimensionFindings(context, dimension, shown, passedCounts).next();
      if (finding.done) {
        break;
      }
      const figure = finding.value.figures[0];
      if (!figure) {
        throw new Error(`the auditor named no figure to hide: ${JSON.stringify(finding.value)}`);
      }
      const level = figure.level === 'dimension' ? shown.dimensions : shown.items;
      if (!level.get(figure.key)?.delete(figure.group)) {
        throw new Error(`the auditor named a figure that is not shown: ${JSON.stringify(figure)}`);
      }
      hidden.push(figure);
    }
  }
  return { shown, hidden };
}
