import { uniquenessClass } from '../codes';
import { groupedByTas, sheetRow } from '../files';
import type { Finding } from '../findings';
import { DATA_ACT_MESSAGES as M } from '../messages';
import { F } from '../reference/fields';
import type { TieOutRule } from './types';

/**
 * A32: one File A row per TAS. Every row of a repeated TAS is reported, as the broker does (each one is "a TAS
 * that appears on another row").
 */
export const A32: TieOutRule = {
  label: 'A32',
  files: 'A',
  needs: { A: ['TAS'] },
  check: (a) => {
    const rowsByTas = new Map<string, number[]>();
    for (const row of a.rows) {
      if (row.tas === '') continue;
      const rows = rowsByTas.get(row.tas);
      if (rows) rows.push(row.index);
      else rowsByTas.set(row.tas, [row.index]);
    }
    const out: Finding[] = [];
    for (const row of a.rows) {
      const rows = rowsByTas.get(row.tas);
      if (!rows || rows.length < 2) continue;
      out.push({
        rule: 'A32',
        file: a,
        index: row.index,
        tas: row.tas,
        field: 'TAS',
        value: row.tas,
        expected: 'one File A row per TAS',
        difference: null,
        msg: M.a32(row.tas, `rows ${rows.map((i) => sheetRow(a, i)).join(', ')}`),
      });
    }
    return out;
  },
};

/**
 * B19.1: each combination of TAS, object class, program activity code and name, direct/reimbursable flag, DEFC
 * and PYA appears once in File B. As the broker compares them: names, flags, DEFC and PYA in any case, object
 * classes padded on the right to four digits (`252` = `2520`, `1` = `10`); rows with neither a program activity
 * code nor a name are left to the PARK rule (B19.2, not run). The first row of a combination stands; every later
 * one is reported. Rows are compared within their TAS, one small map at a time: keyed by every field at once,
 * 200,000 rows held 200,000 long keys together (about 90 MB more at the peak) for one finding or none.
 */
export const B19_1: TieOutRule = {
  label: 'B19.1',
  files: 'B',
  needs: { B: ['TAS', F.objectClass] },
  check: (b) => {
    const classes = new Map<string, string>();
    const out: Finding[] = [];
    for (const rows of groupedByTas(b.rows)) {
      const first = new Map<string, number>();
      for (const row of rows) {
        if (row.paCode === '' && row.paName === '') continue;
        let objectClass = classes.get(row.objectClass);
        if (objectClass === undefined) {
          objectClass = uniquenessClass(row.objectClass);
          classes.set(row.objectClass, objectClass);
        }
        const key = `${objectClass}\u0001${row.paCode}\u0001${row.paName.toUpperCase()}\u0001${row.flag}\u0001${row.defc}\u0001${row.pya}`;
        const seen = first.get(key);
        if (seen === undefined) {
          first.set(key, row.index);
          continue;
        }
        const firstRow = sheetRow(b, seen);
        out.push({
          rule: 'B19.1',
          file: b,
          index: row.index,
          tas: row.tas,
          field: F.objectClass,
          value: row.objectClass,
          expected: `a combination not already on row ${firstRow}`,
          difference: null,
          msg: M.b19(firstRow),
        });
      }
    }
    return out.sort((x, y) => x.index - y.index);
  },
};
