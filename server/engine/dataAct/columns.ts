import type { CellValue } from '../../../models';
import { cellText, normalizeName } from '../read/cells';
import { type FieldDef, FILE_A_FIELDS, FILE_B_FIELDS } from './reference/fields';

/**
 * Matching a File A or File B header row to the DATA Act fields. The broker accepts element names and its short
 * names in any case; USAspending's downloads use their own names and carry some amounts with the opposite sign.
 * Each matched column says which field it is and whether its amounts must be multiplied by -1 to return to the
 * agency's submission convention, so both forms are read alike.
 */

export type FileKind = 'A' | 'B';

interface Lookup {
  field: FieldDef;
  /** Matched by USAspending's download header and no broker name. */
  viaDownload: boolean;
}

function lookupOf(fields: readonly FieldDef[]): Map<string, Lookup> {
  const map = new Map<string, Lookup>();
  // Broker names first: a header that is both (`program_activity_code`) reads as the broker's.
  for (const field of fields) {
    for (const name of [field.element, field.short]) {
      if (name) map.set(normalizeName(name), { field, viaDownload: false });
    }
  }
  for (const field of fields) {
    if (!field.download) continue;
    const key = normalizeName(field.download);
    if (!map.has(key)) map.set(key, { field, viaDownload: true });
  }
  return map;
}

const LOOKUPS: Record<FileKind, Map<string, Lookup>> = {
  A: lookupOf(FILE_A_FIELDS),
  B: lookupOf(FILE_B_FIELDS),
};

export interface FileColumns {
  /** Grid column of each field found, by element name (the first column that reads as it). */
  readonly index: ReadonlyMap<string, number>;
  /** Fields whose column is a USAspending download column holding the submission's amount times -1. */
  readonly flipped: ReadonlySet<string>;
  /** True when any column carries a USAspending download name: the file is a download. */
  readonly download: boolean;
}

export function matchColumns(kind: FileKind, header: readonly CellValue[]): FileColumns {
  const lookup = LOOKUPS[kind];
  const index = new Map<string, number>();
  const flipped = new Set<string>();
  let download = false;
  header.forEach((h, i) => {
    const found = lookup.get(normalizeName(cellText(h)));
    if (!found || index.has(found.field.element)) return;
    index.set(found.field.element, i);
    if (found.viaDownload) {
      download = true;
      if (found.field.flipped) flipped.add(found.field.element);
    }
  });
  return { index, flipped, download };
}

/** The header names a budget officer may use for a field, for messages: element, short name, download header. */
export function headerNames(kind: FileKind, element: string): string[] {
  const field = (kind === 'A' ? FILE_A_FIELDS : FILE_B_FIELDS).find((f) => f.element === element);
  return field ? [field.element, field.short, field.download ?? ''].filter(Boolean) : [element];
}
