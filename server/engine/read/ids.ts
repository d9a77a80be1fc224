import type { CrosswalkTarget, Driver } from '../../../models';
import type { ModelWithoutBudget } from '../budget';
import { idKey } from '../../../models';
import { withFields } from '../../objects';

/**
 * Every reference to a goal, objective, measure or cost pool rewritten to the spelling of the table that defines
 * it, matched by `idKey`: a Responses row for `m1` names measure `M1`, a Crosswalk row for ` 1.1 ` names
 * objective `1.1`. After this, the engine's lookups (crosswalk targets, ledger keys, pools, scenarios) and the
 * validation rules agree on what every reference means. A reference that matches nothing is left as written, so
 * the rules report it in the user's own words.
 */
export function resolveIdSpellings(model: ModelWithoutBudget): ModelWithoutBudget {
  const spelling = (ids: readonly string[]) => {
    const m = new Map<string, string>();
    for (const id of ids) if (!m.has(idKey(id))) m.set(idKey(id), id);
    // Each distinct reference is worked out once: a Crosswalk names a few dozen objectives over many rows.
    const resolved = new Map<string, string>();
    return (ref: string) => {
      let to = resolved.get(ref);
      if (to === undefined) {
        to = m.get(idKey(ref)) ?? ref;
        resolved.set(ref, to);
      }
      return to;
    };
  };
  const goal = spelling(model.goals.map((g) => g.id));
  const objective = spelling(model.objectives.map((o) => o.id));
  const measure = spelling(model.measures.map((m) => m.id));
  const pool = spelling(model.pools.map((p) => p.name));

  /** The same record when nothing changes (most rows), a copy with the field respelt otherwise. */
  const respell = <T, K extends keyof T>(rows: readonly T[], field: K, to: (v: T[K]) => T[K]): T[] =>
    rows.map((r) => {
      const v = to(r[field]);
      return v === r[field] ? r : (Object.assign({}, r, { [field]: v }) as T);
    });
  const target = <T extends CrosswalkTarget | Driver['target']>(t: T): T => {
    if (t.kind === 'pool') {
      const name = t.name ? pool(t.name) : t.name;
      return name === t.name ? t : (withFields(t, { name }) as T);
    }
    const id = t.kind === 'goal' ? goal(t.id) : objective(t.id);
    return id === t.id ? t : (withFields(t, { id }) as T);
  };

  return withFields(model, {
    objectives: respell(model.objectives, 'goalId', goal),
    measures: respell(model.measures, 'objectiveId', objective),
    results: respell(model.results, 'measureId', measure),
    responses: respell(model.responses, 'measureId', measure),
    allocationLimits: respell(model.allocationLimits, 'objectiveId', objective),
    crosswalk: respell(model.crosswalk, 'target', target),
    drivers: respell(respell(model.drivers, 'pool', pool), 'target', target),
    scenarios: model.scenarios.map((s) => {
      // Account and Program Activity keys are budget text, matched by the scenario code itself.
      const key = s.scope === 'Goal' ? goal(s.key) : s.scope === 'Objective' ? objective(s.key) : s.key;
      return key === s.key ? s : withFields(s, { key });
    }),
  });
}
