import { audit, AuditSubject, FigureRef, ShownFigures } from './auditor';
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
 */
export function protect(subject: AuditSubject, primary: ShownFigures): Protection {
  const copy = (map: ReadonlyMap<string, ReadonlySet<ReportGroup>>) =>
    new Map([...map].map(([key, groups]) => [key, new Set(groups)]));
  const shown = { dimensions: copy(primary.dimensions), items: copy(primary.items) };
  const hidden: FigureRef[] = [];
  for (;;) {
    const [finding] = audit(subject, shown);
    const figure = finding?.figures[0];
    if (!figure) {
      return { shown, hidden };
    }
    const level = figure.level === 'dimension' ? shown.dimensions : shown.items;
    if (!level.get(figure.key)?.delete(figure.group)) {
      throw new Error(`the auditor named a figure that is not shown: ${JSON.stringify(figure)}`);
    }
    hidden.push(figure);
  }
}
