import type { AmountType, Issue, Measure, Result, Status, WorkbookModel } from '../../models';
import { NET_AMOUNT_TYPES, UNIT_MULTIPLIER } from '../../models';
import { isRevolvingFund } from './accounts';
import type { CrosswalkResult } from './crosswalk';
import { targetKey } from './ledger';
import { issueAt, MESSAGES } from './messages';
import type { SupportResult } from './pools';
import type { SeriesPlan } from './series';
import { judgeStatus } from './status';

/**
 * Cost per outcome, per measure and fiscal year, following the contract's Kind rules: Count → cost / actual;
 * Cumulative → cost / the year's increase; Currency → a return ratio (value / cost); Rate and Index → no
 * per-unit figure, with a note saying why. Cost is the full cost (direct + support) of the measure's objective
 * in the Cost Basis, shared by all of that objective's measures.
 */

export interface CostRow {
  measure: Measure;
  goalId: string;
  year: number;
  /** In minor units of the workbook's Units; null when the Budget has no amounts that year. */
  direct: number | null;
  support: number | null;
  full: number | null;
  result: Result | null;
  status: Status;
  output: number | null;
  /** Dollars per unit of output. */
  costPerUnit: number | null;
  returnRatio: number | null;
  notes: string[];
}

export interface CostResult {
  basis: AmountType | null;
  rows: CostRow[];
  issues: Issue[];
}

/** Measures in the order of their goals, then objectives, then their own rows. */
export function measuresInPlanOrder(model: WorkbookModel): Measure[] {
  const objectives = new Map(model.objectives.map((o) => [o.id, o]));
  const goalOrder = new Map(model.goals.map((g, i) => [g.id, i]));
  const objectiveOrder = new Map(model.objectives.map((o, i) => [o.id, i]));
  const rank = (m: Measure) => [
    goalOrder.get(objectives.get(m.objectiveId)?.goalId ?? '') ?? Infinity,
    objectiveOrder.get(m.objectiveId) ?? Infinity,
  ];
  return model.measures
    .map((m, i) => ({ m, i, r: rank(m) }))
    .sort(
      (a, b) =>
        (a.r[0] as number) - (b.r[0] as number) || (a.r[1] as number) - (b.r[1] as number) || a.i - b.i,
    )
    .map(({ m }) => m);
}

/** The contract's default order: accrual cost if the Budget has it, else the gross budgetary amounts, else net. */
const BASIS_ORDER: readonly AmountType[] = [
  'Expenses',
  'Obligations',
  'Gross Budget Authority',
  'Budget Authority',
  'Outlays',
];

export function chooseCostBasis(model: WorkbookModel, issues: Issue[]): AmountType | null {
  const present = new Set<AmountType>();
  for (const l of model.budget) if (l.amounts.length > 0 && l.lineType === 'Spending') present.add(l.amountType);
  const fallback = BASIS_ORDER.find((t) => present.has(t)) ?? null;
  const wanted = model.settings.costBasis;
  const settingsLoc = model.found.Settings ? { sheet: model.found.Settings.sheet, cell: '' } : null;
  let basis = wanted ?? fallback;
  if (wanted && !present.has(wanted)) {
    if (fallback) issues.push(issueAt(MESSAGES.costBasisMissing(wanted, fallback), settingsLoc));
    basis = fallback;
  }
  if (basis && NET_AMOUNT_TYPES.includes(basis)) {
    const understated = model.budget.find(
      (l) =>
        l.amountType === basis &&
        l.lineType === 'Spending' &&
        (isRevolvingFund(l.account) || l.amounts.some((a) => a.value < 0)),
    );
    if (understated)
      issues.push(
        issueAt(
          MESSAGES.netBasis(basis, understated.account, isRevolvingFund(understated.account)),
          understated.loc,
        ),
      );
  }
  return basis;
}

const RATE_NOTE =
  'Rates and index scores are not units of output, so there is no cost per unit; a cost per percentage point would mislead.';

export function costPerOutcome(
  model: WorkbookModel,
  crosswalk: CrosswalkResult,
  support: SupportResult,
  basis: AmountType | null,
  plan: SeriesPlan,
): CostResult {
  const issues: Issue[] = [];
  const rows: CostRow[] = [];
  const toDollars = UNIT_MULTIPLIER[model.settings.units] / 10 ** model.moneyDecimals;
  const objectives = new Map(model.objectives.map((o) => [o.id, o]));
  const measuresOf = new Map<string, number>();
  for (const m of model.measures) measuresOf.set(m.objectiveId, (measuresOf.get(m.objectiveId) ?? 0) + 1);
  const resultsOf = new Map<string, Result[]>();
  for (const r of model.results) {
    const list = resultsOf.get(r.measureId) ?? [];
    list.push(r);
    resultsOf.set(r.measureId, list);
  }
  // Each fiscal year's cost comes from the series that stands for it (PY actual, CY enacted, BY request).
  const held = new Set(
    basis
      ? crosswalk.budget
          .slots()
          .filter((s) => s.type === basis)
          .map((s) => s.series)
      : [],
  );
  const seriesOfYear = (year: number): number | null => {
    const s = plan.ofYear(year);
    return s && held.has(s.index) ? s.index : null;
  };
  const negativeSaid = new Set<string>();
  const measures = measuresInPlanOrder(model);

  for (const measure of measures) {
    const objective = objectives.get(measure.objectiveId);
    const results = [...(resultsOf.get(measure.id) ?? [])].sort((a, b) => a.year - b.year);
    const byYear = new Map(results.map((r) => [r.year, r]));
    const shared = (measuresOf.get(measure.objectiveId) ?? 0) > 1;
    for (const r of results) {
      const notes: string[] = [];
      const key = targetKey('objective', measure.objectiveId);
      const series = seriesOfYear(r.year);
      const hasBudget = basis !== null && objective !== undefined && series !== null;
      const direct = hasBudget ? crosswalk.direct.get(basis, series, key) : null;
      const sup = hasBudget ? support.support.get(basis, series, key) : null;
      const full = direct !== null && sup !== null ? direct + sup : null;
      if (!hasBudget)
        notes.push(
          objective
            ? `No FY${r.year} ${basis ?? 'budget'} amounts in the Budget.`
            : 'Its objective is not in the Objectives table.',
        );
      else if (shared)
        notes.push(
          `Full cost of objective ${measure.objectiveId}, shared by its ${measuresOf.get(measure.objectiveId)} measures.`,
        );
      if (measure.kindInferred) notes.push(`Kind ${measure.kind} inferred from Unit "${measure.unit}".`);

      let output: number | null = null;
      let costPerUnit: number | null = null;
      let returnRatio: number | null = null;
      const fullDollars = full !== null ? full * toDollars : null;
      if (full !== null && full < 0 && basis) {
        const said = `${measure.objectiveId}|${r.year}`;
        if (!negativeSaid.has(said)) {
          negativeSaid.add(said);
          const amount = `${(full / 10 ** model.moneyDecimals).toLocaleString('en-US')} ${model.settings.units.toLowerCase()}`;
          issues.push(
            issueAt(
              MESSAGES.negativeNetCost(measure.objectiveId, r.year, basis, amount),
              objective?.loc ?? null,
            ),
          );
        }
        notes.push(
          'Net cost is negative (offsetting collections exceed budget authority, as in revolving funds); no cost per unit.',
        );
      }
      const costUsable = fullDollars !== null && fullDollars > 0;
      switch (measure.kind) {
        case 'Count':
          output = r.actual;
          if (costUsable && output !== null && output > 0) costPerUnit = fullDollars / output;
          break;
        case 'Cumulative': {
          const prior = byYear.get(r.year - 1)?.actual ?? null;
          if (r.actual !== null && prior !== null) output = r.actual - prior;
          if (r.actual !== null && prior === null)
            notes.push(`No FY${r.year - 1} actual, so the year's increase is unknown.`);
          if (output !== null && output <= 0)
            notes.push('No increase over the prior year, so no cost per unit.');
          if (costUsable && output !== null && output > 0) costPerUnit = fullDollars / output;
          break;
        }
        case 'Currency':
          output = r.actual !== null ? r.actual * measure.currencyScale : null;
          if (costUsable && output !== null) returnRatio = output / fullDollars;
          break;
        case 'Rate':
        case 'Index':
          notes.push(RATE_NOTE);
          break;
        case null:
          notes.push('Kind is unknown; set Kind to get a cost per unit.');
          break;
      }
      rows.push({
        measure,
        goalId: objective?.goalId ?? '',
        year: r.year,
        direct,
        support: sup,
        full,
        result: r,
        status: judgeStatus(measure.direction, r, r.actual),
        output,
        costPerUnit,
        returnRatio,
        notes,
      });
    }
  }
  return { basis, rows, issues };
}
