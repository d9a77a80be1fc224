import { isUnallocatedClass, isValidObjectClass } from '../codes';
import type { FileB, FileBRow } from '../files';
import type { Finding, RuleLabel } from '../findings';
import { DATA_ACT_MESSAGES as M } from '../messages';
import { F } from '../reference/fields';
import type { TieOutRule } from './types';

/** File B's codes, row by row: object class (B11.3, B11.4), direct/reimbursable flag (B12.4) and PYA (B29). */

function rowFinding(
  b: FileB,
  row: FileBRow,
  rule: RuleLabel,
  field: string,
  value: string,
  expected: string,
  msg: Finding['msg'],
): Finding {
  return { rule, file: b, index: row.index, tas: row.tas, field, value, expected, difference: null, msg };
}

/** B11.3: a valid A-11 object class, or one of the "not yet assigned" codes (B11.4 judges those); never blank. */
export const B11_3: TieOutRule = {
  label: 'B11.3',
  files: 'B',
  needs: { B: [F.objectClass] },
  check: (b) => {
    const out: Finding[] = [];
    for (const row of b.rows) {
      const code = row.objectClass;
      if (code !== '' && (isUnallocatedClass(code) || isValidObjectClass(code))) continue;
      const msg = code === '' ? M.b11Blank() : M.b11Invalid(code);
      out.push(rowFinding(b, row, 'B11.3', F.objectClass, code, 'a valid object class code', msg));
    }
    return out;
  },
};

/** B11.4: `000` (or `0`, `00`, `0000`) only on a row whose balances are all $0. */
export const B11_4: TieOutRule = {
  label: 'B11.4',
  files: 'B',
  needs: { B: [F.objectClass] },
  check: (b) =>
    b.rows
      .filter((row) => isUnallocatedClass(row.objectClass) && row.balances)
      .map((row) =>
        rowFinding(
          b,
          row,
          'B11.4',
          F.objectClass,
          row.objectClass,
          'a valid object class code, or every balance $0',
          M.b11Unallocated(row.objectClass),
        ),
      ),
};

/** B12.4: the direct/reimbursable flag is D, R or blank (any case). */
export const B12_4: TieOutRule = {
  label: 'B12.4',
  files: 'B',
  needs: { B: [] },
  check: (b) =>
    b.rows
      .filter((row) => row.flag !== '' && row.flag !== 'D' && row.flag !== 'R')
      .map((row) =>
        rowFinding(b, row, 'B12.4', F.directReimbursable, row.flag, 'D, R or blank', M.b12(row.flag)),
      ),
};

/** B29: PYA is X, B or P (any case); blank is reported too. Not run on a file without a PYA column. */
export const B29: TieOutRule = {
  label: 'B29',
  files: 'B',
  needs: { B: [F.pya] },
  check: (b) =>
    b.rows
      .filter((row) => row.pya !== 'X' && row.pya !== 'B' && row.pya !== 'P')
      .map((row) => rowFinding(b, row, 'B29', F.pya, row.pya, 'X, B or P', M.b29(row.pya))),
};
