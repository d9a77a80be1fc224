import type { CellValue } from '../../../models';
import { cellText, normalizeName } from '../read/cells';
import { DOWNLOAD_FILLED_FROM_CPE, type FieldDef, FILE_A_FIELDS, FILE_B_FIELDS } from './reference/fields';

/**
 * Matching a File A or File B header row to the DATA Act fields. The broker accepts element names and its short
 * names in any case; USAspending's downloads use their own names and carry some amounts with the opposite sign.
 * Each matched column says which field it is and whether its amounts must be multiplied by -1 to return to the
 * agency's submission convention, so both forms are read alike.
 */

export type FileKind = 'A' | 'B';

interface Lookups {
  /** Element names and the broker's short names. */
  broker: Map<string, FieldDef>;
  /** USAspending's download headers. */
  download: Map<string, FieldDef>;
}

function lookupsOf(fields: readonly FieldDef[]): Lookups {
  const broker = new Map<string, FieldDef>();
  const download = new Map<string, FieldDef>();
  for (const field of fields) {
    // A field with no broker short name is Throughline's name for a download-only column: no broker form.
    if (field.short) for (const name of [field.element, field.short]) broker.set(normalizeName(name), field);
    if (field.download) download.set(normalizeName(field.download), field);
  }
  return { broker, download };
}

const LOOKUPS: Record<FileKind, Lookups> = { A: lookupsOf(FILE_A_FIELDS), B: lookupsOf(FILE_B_FIELDS) };
const FILLED_FROM_CPE = new Set(DOWNLOAD_FILLED_FROM_CPE.map(normalizeName));

export interface FileColumns {
  /** Grid column of each field found, by element name (the first column that reads as it). */
  readonly index: ReadonlyMap<string, number>;
  /** Fields whose column is a USAspending download column holding the submission's amount times -1. */
  readonly flipped: ReadonlySet<string>;
  /** True when a column carries a name only USAspending's downloads use: the file is a download. */
  readonly download: boolean;
}

/**
 * Some download headers read the same as the broker's element names once case and punctuation are set aside
 * (`USSGL480100_undelivered_orders_obligations_unpaid_FYB`). So the file's form is decided first, from the names
 * only one form uses, and each column is then read in that form: in a download, with its sign flip.
 */
export function matchColumns(kind: FileKind, header: readonly CellValue[]): FileColumns {
  const { broker, download: downloadNames } = LOOKUPS[kind];
  const names = header.map((h) => normalizeName(cellText(h)));
  const download = names.some((n) => downloadNames.has(n) && !broker.has(n));
  const index = new Map<string, number>();
  const flipped = new Set<string>();
  names.forEach((name, i) => {
    if (download && FILLED_FROM_CPE.has(name)) return;
    const asDownload = download ? downloadNames.get(name) : undefined;
    const field = asDownload ?? broker.get(name) ?? downloadNames.get(name);
    if (!field || index.has(field.element)) return;
    index.set(field.element, i);
    if (asDownload?.flipped) flipped.add(field.element);
  });
  return { index, flipped, download };
}

/** The header names a budget officer may use for a field, for messages: element, short name, download header. */
export function headerNames(kind: FileKind, element: string): string[] {
  const field = (kind === 'A' ? FILE_A_FIELDS : FILE_B_FIELDS).find((f) => f.element === element);
  return field ? [field.element, field.short, field.download ?? ''].filter(Boolean) : [element];
}
