import { add, equal, type Exact, formatDollars, negate, subtract } from '../exact';
import type { FileA, FileARow, FileB } from '../files';
import type { Finding } from '../findings';
import { DATA_ACT_MESSAGES as M } from '../messages';
import { DOWNWARD_ADJUSTMENTS, F } from '../reference/fields';
import type { TieOutRule } from './types';

/**
 * A18, A19 and A35: File A's balance for a TAS against the sum of File B's rows for that TAS. As the broker runs
 * them: only File B rows with PYA X are added (B and P rows adjust prior years), blanks count as $0, the
 * comparison is exact, and a TAS with no PYA X row in File B is not compared (A30.1 reports a TAS missing from
 * File B). The finding lands on the File A row; a TAS on two File A rows is compared on each (and A32 reports it).
 */

interface TasSums {
  grossOutlays: Exact;
  obligations: Exact;
  deobligations: Exact;
  downward: Exact;
}

const sumsOf = new WeakMap<FileB, Map<string, TasSums>>();

/** File B's PYA X rows summed by TAS, once per file (three rules read them). */
export function pyaXSums(b: FileB): Map<string, TasSums> {
  let sums = sumsOf.get(b);
  if (sums) return sums;
  sums = new Map();
  for (const row of b.rows) {
    if (row.pya !== 'X' || row.tas === '') continue;
    const s = sums.get(row.tas);
    if (!s) {
      sums.set(row.tas, {
        grossOutlays: row.grossOutlays,
        obligations: row.obligations,
        deobligations: row.deobligations,
        downward: row.downward,
      });
      continue;
    }
    s.grossOutlays = add(s.grossOutlays, row.grossOutlays);
    s.obligations = add(s.obligations, row.obligations);
    s.deobligations = add(s.deobligations, row.deobligations);
    s.downward = add(s.downward, row.downward);
  }
  sumsOf.set(b, sums);
  return sums;
}

function compare(
  a: FileA,
  b: FileB,
  rule: 'A18' | 'A19' | 'A35',
  field: string,
  valueOf: (row: FileARow) => Exact,
  expectedOf: (sums: TasSums) => Exact,
  message: (tas: string, value: string, expected: string, difference: string) => Finding['msg'],
): Finding[] {
  const sums = pyaXSums(b);
  const out: Finding[] = [];
  for (const row of a.rows) {
    const s = row.tas === '' ? undefined : sums.get(row.tas);
    if (!s) continue;
    const value = valueOf(row);
    const expected = expectedOf(s);
    if (equal(value, expected)) continue;
    const difference = subtract(value, expected);
    out.push({
      rule,
      file: a,
      index: row.index,
      tas: row.tas,
      field,
      value,
      expected,
      difference,
      msg: message(row.tas, formatDollars(value), formatDollars(expected), formatDollars(difference)),
    });
  }
  return out;
}

export const A18: TieOutRule = {
  label: 'A18',
  files: 'AB',
  needs: { A: ['TAS', F.aGrossOutlays], B: ['TAS', F.bGrossOutlays] },
  check: (a, b) =>
    compare(
      a,
      b,
      'A18',
      F.aGrossOutlays,
      (r) => r.grossOutlays,
      (s) => s.grossOutlays,
      M.a18,
    ),
};

/** File B carries obligations with the opposite sign to File A: A equals the negative of B's sum. */
export const A19: TieOutRule = {
  label: 'A19',
  files: 'AB',
  needs: { A: ['TAS', F.aObligations], B: ['TAS', F.bObligations] },
  check: (a, b) =>
    compare(
      a,
      b,
      'A19',
      F.aObligations,
      (r) => r.obligations,
      (s) => negate(s.obligations),
      M.a19,
    ),
};

/**
 * The rule reads "the sum of DeobligationsRecoveriesRefundsOfPriorYearByProgramObjectClass_CPE"; the broker adds
 * File B's four downward adjustments (USSGL 4871 + 4971 + 4872 + 4972), which equal it on a valid file. Those are
 * used when File B has them, else the deobligations column itself.
 */
export const A35: TieOutRule = {
  label: 'A35',
  files: 'AB',
  needs: { A: ['TAS', F.aDeobligations], B: ['TAS'] },
  check: (a, b) => {
    const ussgl = DOWNWARD_ADJUSTMENTS.some((e) => b.columns.index.has(e));
    if (!ussgl && b.missing.has(F.bDeobligations)) return [];
    const source = ussgl
      ? "the sum of File B's USSGL 4871, 4971, 4872 and 4972 downward adjustments"
      : "the sum of File B's deobligations, recoveries and refunds";
    return compare(
      a,
      b,
      'A35',
      F.aDeobligations,
      (r) => r.deobligations,
      (s) => (ussgl ? s.downward : s.deobligations),
      (tas, value, expected, difference) => M.a35(tas, value, expected, difference, source),
    );
  },
};
