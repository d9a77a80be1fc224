import { OBJECT_CLASSES } from './reference/objectClasses';

/**
 * The codes on a File B row, read as Treasury's broker reads them. Object classes come as the broker takes them
 * (`252`, or `2520` with a suffix digit) and as USAspending's download shows them (`25.2`): one code.
 */

/** USAspending's dotted object class (`25.2`) without its point; any other form as typed. */
export function objectClassCode(text: string): string {
  const t = text.trim();
  return /^\d{2}\.\d{1,2}$/.test(t) ? t.replace('.', '') : t;
}

/** The broker's "not yet allocated to an object class" codes. */
export function isUnallocatedClass(code: string): boolean {
  return code === '0' || code === '00' || code === '000' || code === '0000';
}

/** B11.3: a three-digit A-11 object class, or one followed by a suffix digit (`2520`). */
export function isValidObjectClass(code: string): boolean {
  if (/^\d{3}$/.test(code)) return OBJECT_CLASSES.has(code);
  return /^\d{4}$/.test(code) && OBJECT_CLASSES.has(code.slice(0, 3));
}

/** B19.1 compares object classes padded on the right to four digits, so `1` = `10` = `1000` and `252` = `2520`. */
export function uniquenessClass(code: string): string {
  return code.padEnd(4, '0');
}

/** The three-digit object class a Budget line shows (`2520` → `252`, `0` → `000`); other text as typed. */
export function budgetClass(code: string): string {
  return /^\d{1,4}$/.test(code) ? code.padEnd(4, '0').slice(0, 3) : code;
}

/** The direct/reimbursable flag as the Budget's Funding Type; blank for blank or a value B12.4 reports. */
export function fundingTypeOf(flag: string): 'Direct' | 'Reimbursable' | '' {
  return flag === 'D' ? 'Direct' : flag === 'R' ? 'Reimbursable' : '';
}
