import type { OutputTable } from '../../../models';
import { OUTPUT_TABLES, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import { fromMinor } from '../money';
import { basisPhrase, TableBuilder, unitsPhrase } from './shape';
import { measureValueFormats, withValueFormats } from './valueFormats';

export function costPerOutcomeTable(c: Computation): OutputTable {
  const { model, cost } = c;
  const money = (v: number | null) => (v === null ? null : fromMinor(v, model.moneyDecimals));
  const t = new TableBuilder(
    'CostPerOutcome',
    `Cost per outcome: ${basisPhrase(cost.basis)} of each measure (${unitsPhrase(model.settings.units)}; its Cost Share of its objective, else the whole objective's); Cost per Unit in dollars`,
    TableBuilder.columns(OUTPUT_TABLES.CostPerOutcome),
  );
  const valueFormatOf = measureValueFormats(model.measures, model.results);
  const valueFormats = cost.rows.map((r) => valueFormatOf(r.measure.id));
  for (const r of cost.rows) {
    const res = r.result;
    t.add([
      r.measure.id,
      r.measure.name,
      r.measure.priorityGoal ? 'Yes' : '',
      r.measure.objectiveId,
      r.goalId,
      r.year,
      r.measure.type,
      r.measure.unit,
      r.measure.kind ?? '',
      money(r.direct),
      money(r.support),
      money(r.full),
      r.costShare === null ? null : r.costShare / SHARE_SCALE,
      res?.target ?? null,
      res?.minTarget ?? null,
      res?.maxTarget ?? null,
      res?.actual ?? null,
      r.measure.direction ?? '',
      r.status,
      res?.explanation ?? '',
      res?.dataAvailable ?? '',
      r.output,
      r.costPerUnit === null ? null : Math.round(r.costPerUnit * 100) / 100,
      r.returnRatio === null ? null : Math.round(r.returnRatio * 10_000) / 10_000,
      r.notes.join(' '),
    ]);
  }
  return withValueFormats(t.build(), valueFormats);
}
