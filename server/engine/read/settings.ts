import type { Issue, Settings, WorkbookGrids } from '../../../models';
import { INPUT_TABLES, SHARE_SCALE } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { normalizeName, parseYear } from './cells';
import { allocationOf, amountTypeOf, unitsOf } from './enums';
import { readFraction } from './fraction';
import { openTable } from './table';

export const DEFAULT_SETTINGS: Settings = {
  agency: '',
  units: 'Dollars',
  costBasis: null,
  baseYear: null,
  budgetYear: null,
  currentYear: null,
  priorYear: null,
  allocation: 'Step-Down',
  maintainTolerance: 0.01,
};

/** Settings is optional; every value has a default, and a bad value is reported and replaced by it. */
export function readSettings(grids: WorkbookGrids, issues: Issue[]): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const t = openTable(grids, INPUT_TABLES.Settings, issues);
  if (!t || !t.requireColumns()) return settings;
  for (const row of t.dataRows()) {
    const name = t.text(row, 'Setting');
    const text = t.text(row, 'Value');
    const loc = t.loc(row, 'Value');
    if (!name || !text) continue;
    switch (normalizeName(name)) {
      case 'agency':
        settings.agency = text;
        break;
      case 'units': {
        const units = unitsOf(text);
        if (units) settings.units = units;
        else issues.push(issueAt(MESSAGES.settingInvalid('Units', text, 'Dollars'), loc));
        break;
      }
      case 'costbasis': {
        const type = amountTypeOf(text);
        if (type && type !== 'FTE') settings.costBasis = type;
        else issues.push(issueAt(MESSAGES.settingInvalid('Cost Basis', text, 'the default'), loc));
        break;
      }
      case 'baseyear': {
        const year = parseYear(t.value(row, 'Value'));
        if (year !== null) settings.baseYear = year;
        else
          issues.push(
            issueAt(MESSAGES.settingInvalid('Base Year', text, 'the latest year with amounts'), loc),
          );
        break;
      }
      case 'budgetyear':
      case 'by':
      case 'currentyear':
      case 'cy':
      case 'prioryear':
      case 'py': {
        const key = normalizeName(name);
        const which = key.startsWith('b') ? 'budgetYear' : key.startsWith('c') ? 'currentYear' : 'priorYear';
        const label = { budgetYear: 'Budget Year', currentYear: 'Current Year', priorYear: 'Prior Year' }[
          which
        ];
        const year = parseYear(t.value(row, 'Value'));
        if (year !== null) settings[which] = year;
        else issues.push(issueAt(MESSAGES.settingInvalid(label, text, 'the default'), loc));
        break;
      }
      case 'allocation': {
        const method = allocationOf(text);
        if (method) settings.allocation = method;
        else issues.push(issueAt(MESSAGES.settingInvalid('Allocation', text, 'Step-Down'), loc));
        break;
      }
      case 'maintaintolerance': {
        const f = readFraction(t.value(row, 'Value'), MESSAGES.maintainToleranceInvalid);
        if (f.kind === 'ok') settings.maintainTolerance = f.ppb / SHARE_SCALE;
        else if (f.kind === 'bad') issues.push(issueAt(f.msg, loc));
        break;
      }
      // Read with the DATA Act files (server/engine/dataAct/setting.ts), where it is used.
      case 'submissionperiod':
      case 'note':
      case 'notes':
      case 'source':
      case 'sources':
        break;
      default:
        issues.push(issueAt(MESSAGES.settingUnknown(name), t.loc(row, 'Setting')));
    }
  }
  return settings;
}
