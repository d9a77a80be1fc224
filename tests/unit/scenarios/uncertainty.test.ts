import { runEngine } from '../../../server/engine';
import { MONTE_CARLO_DRAWS, rng, simulate, triangular } from '../../../server/engine/scenarios/montecarlo';
import { rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';
import { BASE, responses, scenarios } from './fixtures';

describe('Given a response with a Low/High range of its elasticity', () => {
  // M2's target written to a thousandth (0.505), so its figures print to three decimals and the band keeps
  // its width; at BASE's one decimal (0.5, 0.4) the whole band would print as 0.4.
  const wb = () =>
    minimalWorkbook({
      ...BASE,
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, 100, 100],
        ['M2', 2018, 0.505, 0.4],
      ],
      Scenarios: scenarios(['Grow B', 'Account', 'B', '20%'], ['Cut B', 'Account', 'B', '-20%']),
      Responses: responses(['M2', 'Elasticity', 0.5, 0.2, 0.9, null]),
    });

  test('When run twice, Then the Monte Carlo bands and probabilities are identical (seeded)', () => {
    const first = rowsOf(runEngine(wb()), 'ScenarioResults');
    const second = rowsOf(runEngine(wb()), 'ScenarioResults');
    expect(first).toEqual(second);
    const grow = first.find((r) => r.Scenario === 'Grow B' && r['Measure ID'] === 'M2');
    expect(grow?.Low).not.toBeNull();
  });

  test('When funding rises 20%, Then the band brackets the central projection and lies within the e range', () => {
    const grow = rowsOf(runEngine(wb()), 'ScenarioResults').find(
      (r) => r.Scenario === 'Grow B' && r['Measure ID'] === 'M2',
    );
    const [low, high, mid] = [grow?.Low, grow?.High, grow?.['Projected Value']] as number[];
    expect(low).toBeLessThan(mid as number);
    expect(high).toBeGreaterThan(mid as number);
    // Within the e range, give or take the last printed decimal (0.001).
    expect(low).toBeGreaterThanOrEqual(0.4 * 1.2 ** 0.2 - 0.001);
    expect(high).toBeLessThanOrEqual(0.4 * 1.2 ** 0.9 + 0.001);
    for (const v of [low, mid, high] as number[]) expect(v).toBe(Number(v.toFixed(3)));
    // The target 0.505 needs e ≥ ln(1.2625)/ln(1.2) ≈ 1.28: never reached within [0.2, 0.9].
    expect(grow?.['Probability Meets Target']).toBe(0);
  });

  test('When the band is wide enough to straddle the target, Then the probability of meeting it is strictly between 0 and 1', () => {
    const result = runEngine(
      minimalWorkbook({
        ...BASE,
        Scenarios: scenarios(['Grow B', 'Account', 'B', '60%']),
        Responses: responses(['M2', 'Elasticity', 0.5, 0.2, 0.9, null]),
      }),
    );
    const p = rowsOf(result, 'ScenarioResults').find((r) => r['Measure ID'] === 'M2')?.[
      'Probability Meets Target'
    ] as number;
    // 0.4 × 1.6^e ≥ 0.5 ⇔ e ≥ ln 1.25 / ln 1.6 = 0.4748. For triangular(0.2, 0.5, 0.9),
    // P(e ≥ 0.4748) = 1 − 0.2748² / (0.7 × 0.3) = 0.640; 2,000 draws put it within ±0.035 (3 standard errors).
    expect(Math.abs(p - 0.64)).toBeLessThan(0.035);
  });

  test('The generator is reproducible and the triangular draw stays in range', () => {
    const a = rng(42);
    const b = rng(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    for (const u of draws) {
      const e = triangular(u, 0.2, 0.5, 0.9);
      expect(e).toBeGreaterThanOrEqual(0.2);
      expect(e).toBeLessThanOrEqual(0.9);
    }
    const band = simulate(
      'k',
      { range: { low: 1, mode: 2, high: 3 }, variation: null },
      (e) => e,
      (v) => v >= 2,
    );
    expect(band?.pMeets).toBeGreaterThan(0.45);
    expect(band?.pMeets).toBeLessThan(0.55);
    expect(MONTE_CARLO_DRAWS).toBeGreaterThanOrEqual(1000);
  });
});
