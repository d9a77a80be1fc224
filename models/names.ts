/** A table, sheet or header name normalised for matching: `Objective ID` = `objective_id` = `ObjectiveID`. */
export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
