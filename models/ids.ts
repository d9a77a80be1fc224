/**
 * The one way two IDs are compared: Goal, Objective and Measure IDs, cost pool names, and every reference to
 * them (Objectives' Goal ID, Measures' Objective ID, Results, Responses, Allocation Limits, Drivers, Crosswalk
 * targets, scenario keys). People type `m1` for `M1` and Excel stores `4542` as a number, so an ID is its
 * text, trimmed, with runs of white space folded to one space, in capitals: `idKey(4542) === idKey(' 4542 ')`
 * and `idKey('m1') === idKey('M1')`. Outputs keep the spelling of the table that defines the ID.
 */
export function idKey(id: string | number | null | undefined): string {
  if (id === null || id === undefined) return '';
  const text = typeof id === 'number' ? String(id) : id;
  return isKeyAlready(text) ? text : text.replace(/\s+/g, ' ').trim().toUpperCase();
}

/**
 * The text is its own key: printable ASCII without spaces or small letters (`G1`, `1.1`, `M-12`), which folding,
 * trimming and capitals leave as it is. Most IDs are, and the engine asks for keys thousands of times a run.
 */
function isKeyAlready(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}
