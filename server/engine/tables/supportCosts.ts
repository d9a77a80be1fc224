import type { OutputTable } from '../../../models';
import { OUTPUT_TABLES } from '../../../models';
import type { Computation } from '../compute';
import { rowFormatFor, shownAmount, TableBuilder, unitsPhrase } from './shape';

/** Where each cost pool's money went (SFFAS 4 full cost), so support costs can be traced pool by pool. */
export function supportCostsTable(c: Computation): OutputTable {
  const { model } = c;
  const goalOf = new Map(model.objectives.map((o) => [o.id, o.goalId]));
  const t = new TableBuilder(
    'SupportCosts',
    `Support costs: each cost pool's allocation (${model.settings.allocation} method; ${unitsPhrase(model.settings.units)})`,
    TableBuilder.columns(OUTPUT_TABLES.SupportCosts),
  );
  for (const f of c.support.flows) {
    const objective = f.to.startsWith('O:') ? f.to.slice(2) : '';
    t.add(
      [
        f.pool,
        f.method,
        f.type,
        f.year,
        model.series[f.series]?.label ?? '',
        objective ? `Objective ${objective}` : `Cost pool ${f.to.slice(2)}`,
        objective ? (goalOf.get(objective) ?? '') : '',
        objective,
        shownAmount(f.amount, f.type, model.moneyDecimals),
        f.note,
      ],
      'detail',
      rowFormatFor(f.type),
    );
  }
  return t.build();
}
