/** Whole percent of `part` in `whole`; 0 of nothing. */
export const percent = (part: number, whole: number): number =>
  whole > 0 ? Math.round((100 * part) / whole) : 0;
