import type { Finding } from '../findings';
import { DATA_ACT_MESSAGES as M } from '../messages';
import type { TieOutRule } from './types';

/**
 * A30.1 and A30.2: every TAS in one file is in the other. Each finding lands on the row of the file that has the
 * TAS. A File B row whose balances are all $0 is not held against File A (A30.2's exemption); any File B row,
 * whatever its PYA, puts its TAS in File B for A30.1.
 */

export const A30_1: TieOutRule = {
  label: 'A30.1',
  files: 'AB',
  needs: { A: ['TAS'], B: ['TAS'] },
  check: (a, b) => {
    const inB = new Set(b.rows.map((r) => r.tas));
    const out: Finding[] = [];
    for (const row of a.rows) {
      if (row.tas === '' || inB.has(row.tas)) continue;
      out.push({
        rule: 'A30.1',
        file: a,
        index: row.index,
        tas: row.tas,
        field: 'TAS',
        value: row.tas,
        expected: 'a TAS also in File B',
        difference: null,
        msg: M.a30InB(row.tas),
      });
    }
    return out;
  },
};

export const A30_2: TieOutRule = {
  label: 'A30.2',
  files: 'AB',
  needs: { A: ['TAS'], B: ['TAS'] },
  check: (a, b) => {
    const inA = new Set(a.rows.map((r) => r.tas));
    const out: Finding[] = [];
    for (const row of b.rows) {
      if (row.tas === '' || !row.balances || inA.has(row.tas)) continue;
      out.push({
        rule: 'A30.2',
        file: b,
        index: row.index,
        tas: row.tas,
        field: 'TAS',
        value: row.tas,
        expected: 'a TAS also in File A',
        difference: null,
        msg: M.a30InA(row.tas),
      });
    }
    return out;
  },
};
