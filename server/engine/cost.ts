import type { AmountType, BudgetColumns, Issue, Measure, Result, Status, WorkbookModel } from '../../models';
import { NET_AMOUNT_TYPES, UNIT_MULTIPLIER } from '../../models';
import { isRevolvingFund } from './accounts';
import { AMOUNT_TYPES, lineLoc, SPENDING, text } from './budget';
import type { CrosswalkResult } from './crosswalk';
import { targetKey } from './ledger';
import { issueAt, MESSAGES, NOTES } from './messages';
import type { SupportResult } from './pools';
import type { SeriesPlan } from './series';
import { idKey, SHARE_SCALE } from '../../models';
import { costSharesByObjective, splitByCostShares } from './costShares';
import { latestActualYear, type StatusContext, statusOf } from './status';
import { unitCost } from './unitCost';
import { usNumber } from './money';

/**
 * Cost per outcome, per measure and fiscal year. A measure's cost is its Cost Share of its objective's cost
 * (direct and support, each split exactly), or without one the whole objective's cost, shared by all of its
 * measures and said in the Note. What a per-unit figure means for each Kind is in `unitCost.ts`; the status
 * against target in `status.ts`.
 */

export interface CostRow {
  measure: Measure;
  goalId: string;
  year: number;
  /** In minor units of the workbook's Units; null when the Budget has no amounts that year. */
  direct: number | null;
  support: number | null;
  full: number | null;
  /** The measure's Cost Share used, in parts of SHARE_SCALE; null when it carries the whole objective's cost. */
  costShare: number | null;
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
  const objectives = new Map(model.objectives.map((o) => [idKey(o.id), o]));
  const goalOrder = new Map(model.goals.map((g, i) => [idKey(g.id), i]));
  const objectiveOrder = new Map(model.objectives.map((o, i) => [idKey(o.id), i]));
  const rank = (m: Measure) => [
    goalOrder.get(idKey(objectives.get(idKey(m.objectiveId))?.goalId)) ?? Infinity,
    objectiveOrder.get(idKey(m.objectiveId)) ?? Infinity,
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

/**
 * The first spending line of a net basis that a net amount understates: a revolving fund, or a negative amount.
 * Whether an account is a revolving fund is worked out once per account text, not once per line.
 */
function firstUnderstated(b: BudgetColumns, basis: AmountType): number | null {
  const type = AMOUNT_TYPES.indexOf(basis);
  const spending = SPENDING;
  const revolving = new Int8Array(b.strings.length).fill(-1);
  for (let line = 0; line < b.size; line++) {
    if (b.amountType[line] !== type || b.lineType[line] !== spending) continue;
    const account = b.account[line] as number;
    if (revolving[account] === -1) revolving[account] = isRevolvingFund(b.strings[account] as string) ? 1 : 0;
    if (revolving[account] === 1) return line;
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++)
      if ((b.amountValue[a] as number) < 0) return line;
  }
  return null;
}

/** The amount types of spending lines that hold amounts (typed arrays read directly: this runs per line). */
function spendingTypes(b: BudgetColumns): Set<AmountType> {
  const seen = new Uint8Array(AMOUNT_TYPES.length);
  const spending = SPENDING;
  for (let line = 0; line < b.size; line++)
    if (
      b.lineType[line] === spending &&
      (b.amountStart[line + 1] as number) > (b.amountStart[line] as number)
    )
      seen[b.amountType[line] as number] = 1;
  return new Set(AMOUNT_TYPES.filter((_, t) => seen[t] === 1));
}

export function chooseCostBasis(model: WorkbookModel, issues: Issue[]): AmountType | null {
  const b = model.budgetColumns;
  const present = spendingTypes(b);
  const fallback = BASIS_ORDER.find((t) => present.has(t)) ?? null;
  const wanted = model.settings.costBasis;
  const settingsLoc = model.found.Settings ? { sheet: model.found.Settings.sheet, cell: '' } : null;
  let basis = wanted ?? fallback;
  if (wanted && !present.has(wanted)) {
    if (fallback) issues.push(issueAt(MESSAGES.costBasisMissing(wanted, fallback), settingsLoc));
    basis = fallback;
  }
  if (basis && NET_AMOUNT_TYPES.includes(basis)) {
    const understated = firstUnderstated(b, basis);
    if (understated !== null) {
      const account = text(b, b.account, understated);
      issues.push(
        issueAt(MESSAGES.netBasis(basis, account, isRevolvingFund(account)), lineLoc(b, understated)),
      );
    }
  }
  return basis;
}

/** A share as a budget officer writes it: 40%, 33.3333%. */
const shareText = (ppb: number) => `${Number(((ppb / SHARE_SCALE) * 100).toFixed(4))}%`;

/** What every measure's cost is looked up in: objectives, results and cost shares by ID, and the series per year. */
interface CostIndex {
  objectives: Map<string, WorkbookModel['objectives'][number]>;
  measuresOf: Map<string, number>;
  resultsOf: Map<string, Result[]>;
  sharesOf: ReturnType<typeof costSharesByObjective>;
  statusCtx: StatusContext;
  /** The series that stands for a fiscal year (PY actual, CY enacted, BY request), when it holds the basis. */
  seriesOfYear(year: number): number | null;
}

function costIndex(
  model: WorkbookModel,
  crosswalk: CrosswalkResult,
  basis: AmountType | null,
  plan: SeriesPlan,
): CostIndex {
  const measuresOf = new Map<string, number>();
  for (const m of model.measures) {
    const k = idKey(m.objectiveId);
    measuresOf.set(k, (measuresOf.get(k) ?? 0) + 1);
  }
  const resultsOf = new Map<string, Result[]>();
  for (const r of model.results) {
    const k = idKey(r.measureId);
    const list = resultsOf.get(k) ?? [];
    list.push(r);
    resultsOf.set(k, list);
  }
  const held = new Set(
    basis
      ? crosswalk.budget
          .slots()
          .filter((s) => s.type === basis)
          .map((s) => s.series)
      : [],
  );
  return {
    objectives: new Map(model.objectives.map((o) => [idKey(o.id), o])),
    measuresOf,
    resultsOf,
    sharesOf: costSharesByObjective(model),
    statusCtx: {
      latestActualYear: latestActualYear(model.results),
      tolerance: model.settings.maintainTolerance,
    },
    seriesOfYear: (year) => {
      const s = plan.ofYear(year);
      return s && held.has(s.index) ? s.index : null;
    },
  };
}

/** A measure's cost in one year: its objective's direct and support cost, or its Cost Share of them. */
interface MeasureCost {
  hasBudget: boolean;
  direct: number | null;
  support: number | null;
  own: { direct: number | null; support: number | null; full: number | null };
  objectiveFull: number | null;
}

/** A measure with what its cost depends on, looked up once: its objective, that objective's Cost Shares, its share. */
interface MeasureView {
  measure: Measure;
  objective: WorkbookModel['objectives'][number] | undefined;
  shares: ReturnType<CostIndex['sharesOf']['get']>;
  /** Used only when the objective's shares do not pass 100% (the rules report it when they do). */
  share: Measure['costShare'];
}

function measureView(measure: Measure, index: CostIndex): MeasureView {
  const objective = index.objectives.get(idKey(measure.objectiveId));
  const shares = index.sharesOf.get(idKey(measure.objectiveId));
  return { measure, objective, shares, share: shares && !shares.over ? measure.costShare : null };
}

function measureCost(
  { measure, objective, shares, share }: MeasureView,
  year: number,
  basis: AmountType | null,
  index: CostIndex,
  crosswalk: CrosswalkResult,
  support: SupportResult,
): MeasureCost {
  const key = targetKey('objective', measure.objectiveId);
  const series = index.seriesOfYear(year);
  const hasBudget = basis !== null && objective !== undefined && series !== null;
  const direct = hasBudget ? crosswalk.direct.get(basis, series, key) : null;
  const sup = hasBudget ? support.support.get(basis, series, key) : null;
  let ownDirect = direct;
  let ownSupport = sup;
  if (share && shares && direct !== null && sup !== null) {
    ownDirect = splitByCostShares(direct, shares).get(idKey(measure.id)) ?? 0;
    ownSupport = splitByCostShares(sup, shares).get(idKey(measure.id)) ?? 0;
  }
  return {
    hasBudget,
    direct,
    support: sup,
    own: {
      direct: ownDirect,
      support: ownSupport,
      full: ownDirect !== null && ownSupport !== null ? ownDirect + ownSupport : null,
    },
    objectiveFull: direct !== null && sup !== null ? direct + sup : null,
  };
}

/** Why a measure's cost reads as it does: no budget, its share, a whole objective's cost, an inferred Kind. */
function costNotes(
  { measure, objective, shares, share }: MeasureView,
  year: number,
  basis: AmountType | null,
  cost: MeasureCost,
  index: CostIndex,
): string[] {
  const notes: string[] = [];
  const objectiveKnown = objective !== undefined;
  const siblings = index.measuresOf.get(idKey(measure.objectiveId)) ?? 0;
  if (!cost.hasBudget) notes.push(objectiveKnown ? NOTES.noBudget(year, basis) : NOTES.objectiveUnknown());
  else if (share) notes.push(NOTES.costShare(shareText(share.ppb), measure.objectiveId));
  else if (shares?.over) notes.push(NOTES.sharesOver(measure.objectiveId));
  else if (siblings > 1) notes.push(NOTES.sharedObjective(measure.objectiveId, siblings));
  if (measure.kindInferred)
    notes.push(
      measure.kindInferredFrom === 'Name'
        ? NOTES.kindFromName(measure.kind)
        : NOTES.kindFromUnit(measure.kind, measure.unit),
    );
  return notes;
}

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
  const index = costIndex(model, crosswalk, basis, plan);
  const negativeSaid = new Set<string>();

  for (const measure of measuresInPlanOrder(model)) {
    const view = measureView(measure, index);
    const { objective, share } = view;
    const results = [...(index.resultsOf.get(idKey(measure.id)) ?? [])].sort((a, b) => a.year - b.year);
    const byYear = new Map(results.map((r) => [r.year, r]));
    for (const r of results) {
      const cost = measureCost(view, r.year, basis, index, crosswalk, support);
      const notes = costNotes(view, r.year, basis, cost, index);
      if (cost.objectiveFull !== null && cost.objectiveFull < 0 && basis) {
        const said = `${measure.objectiveId}|${r.year}`;
        if (!negativeSaid.has(said)) {
          negativeSaid.add(said);
          const amount = `${usNumber(cost.objectiveFull / 10 ** model.moneyDecimals)} ${model.settings.units.toLowerCase()}`;
          issues.push(
            issueAt(
              MESSAGES.negativeNetCost(measure.objectiveId, r.year, basis, amount),
              objective?.loc ?? null,
            ),
          );
        }
        notes.push(NOTES.negativeNetCost());
      }
      const priorActual = byYear.get(r.year - 1)?.actual ?? null;
      const unit = unitCost({
        measure,
        year: r.year,
        actual: r.actual,
        priorActual,
        costDollars: cost.own.full !== null ? cost.own.full * toDollars : null,
        supportOnly: cost.hasBudget && cost.direct === 0 && cost.support !== null && cost.support > 0,
      });
      for (const note of unit.notes) notes.push(note);
      rows.push({
        measure,
        goalId: objective?.goalId ?? '',
        year: r.year,
        direct: cost.own.direct,
        support: cost.own.support,
        full: cost.own.full,
        costShare: share ? share.ppb : null,
        result: r,
        status: statusOf(measure.direction, r, priorActual, index.statusCtx),
        output: unit.output,
        costPerUnit: unit.costPerUnit,
        returnRatio: unit.returnRatio,
        notes,
      });
    }
  }
  return { basis, rows, issues };
}
