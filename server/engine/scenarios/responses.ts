import type { Response } from '../../../models';
import { checkExpression } from '../expression';
import { withFields } from '../../objects';

/**
 * The contract's response models: how a measure moves when its objective's funding moves. With r = funding /
 * baseFunding: Proportional bv·r; Elasticity bv·r^e; Saturating bv·(1 + e·ln r); Fixed bv; Expression as written.
 */

export interface ResponseInputs {
  funding: number;
  baseFunding: number;
  baseValue: number;
}

export type Projector = (inputs: ResponseInputs, e: number) => number;

/**
 * The central elasticity. Proportional is elasticity 1 by definition: its Low and High only widen the band
 * (the midpoint of Low and High was once used here, which moved every Proportional projection). Elasticity
 * and Saturating take their Elasticity, else the middle of their range.
 */
export function centralElasticity(r: Response): number {
  if (r.model === 'Proportional') return 1;
  if (r.elasticity !== null) return r.elasticity;
  if (r.low !== null && r.high !== null) return (r.low + r.high) / 2;
  return 1;
}

/** A projector for the row, or the reason its Expression cannot be used. */
export function projectorFor(r: Response): { ok: true; project: Projector } | { ok: false; reason: string } {
  switch (r.model) {
    case 'Proportional':
      // With a Low/High range, Proportional is elasticity 1 made uncertain: r^e with e drawn around 1.
      return {
        ok: true,
        project: (x, e) => x.baseValue * Math.pow(x.funding / x.baseFunding, r.low === null ? 1 : e),
      };
    case 'Elasticity':
      return { ok: true, project: (x, e) => x.baseValue * Math.pow(x.funding / x.baseFunding, e) };
    case 'Saturating':
      return { ok: true, project: (x, e) => x.baseValue * (1 + e * Math.log(x.funding / x.baseFunding)) };
    case 'Fixed':
      return { ok: true, project: (x) => x.baseValue };
    case 'Expression': {
      const check = checkExpression(r.expression);
      if (!check.ok) return check;
      return { ok: true, project: (x, e) => check.evaluate(withFields(x, { e })) };
    }
  }
}

/**
 * Goal seek: the funding at which the model reaches `target`. Closed form where the model can be inverted;
 * bisection for Expression (over 0 to 10× base funding). Null when the target cannot be reached under the model.
 */
export function fundingForTarget(
  r: Response,
  project: Projector,
  x: Omit<ResponseInputs, 'funding'>,
  target: number,
): number | null {
  const { baseFunding: bf, baseValue: bv } = x;
  const e = centralElasticity(r);
  const ok = (f: number | null) => (f !== null && Number.isFinite(f) && f >= 0 ? f : null);
  switch (r.model) {
    case 'Proportional':
      return bv === 0 ? null : ok((bf * target) / bv);
    case 'Elasticity':
      return bv === 0 || target / bv <= 0 || e === 0 ? null : ok(bf * Math.pow(target / bv, 1 / e));
    case 'Saturating':
      return bv === 0 || e === 0 ? null : ok(bf * Math.exp((target / bv - 1) / e));
    case 'Fixed':
      return null;
    case 'Expression':
      return bisect((f) => project(withFields(x, { funding: f }), e) - target, 0, 10 * bf);
  }
}

function bisect(g: (f: number) => number, lo: number, hi: number): number | null {
  let glo = g(lo);
  const ghi = g(hi);
  if (!Number.isFinite(glo) || !Number.isFinite(ghi)) {
    // log-type formulas are undefined at zero funding; start just above it.
    lo = hi * 1e-9;
    glo = g(lo);
  }
  if (!Number.isFinite(glo) || !Number.isFinite(ghi) || Math.sign(glo) === Math.sign(ghi)) return null;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    const gm = g(mid);
    if (!Number.isFinite(gm)) return null;
    if (Math.sign(gm) === Math.sign(glo)) {
      lo = mid;
      glo = gm;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}
