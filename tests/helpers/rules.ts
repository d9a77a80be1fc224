import type { WorkbookGrids } from '../../models';
import { compute, readWorkbook } from '../../server/engine';
import type { RuleContext } from '../../server/engine/rules';

/** What a rule sees for a workbook: its records as read, the model computed on, and the crosswalk made. */
export function ruleContext(grids: WorkbookGrids): RuleContext {
  const read = readWorkbook(grids).model;
  const c = compute(read);
  return { read, model: c.model, known: c.known, crosswalk: c.crosswalk };
}
