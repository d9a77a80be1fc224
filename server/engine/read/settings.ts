import type { CellValue, Issue, Settings, WorkbookGrids } from '../../../models';
import { INPUT_TABLES, SHARE_SCALE } from '../../../models';
import { issueAt, MESSAGES, type Msg } from '../messages';
import { normalizeName, parseYear } from './cells';
import { allocationOf, amountTypeOf, unitsOf } from './enums';
import { readFraction } from './fraction';
import { openTable } from './table';
import { withFields } from '../../objects';

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
  // Not `{ ...DEFAULT_SETTINGS }`: written to below, such a copy took a new V8 map each request (see withFields).
  const settings: Settings = withFields(DEFAULT_SETTINGS, {});
  const t = openTable(grids, INPUT_TABLES.Settings, issues);
  if (!t || !t.requireColumns()) return settings;
  for (const row of t.dataRows()) {
    const name = t.text(row, 'Setting');
    const text = t.text(row, 'Value');
    if (!name || !text) continue;
    const read = SETTING_READERS.get(normalizeName(name));
    if (!read) {
      issues.push(issueAt(MESSAGES.settingUnknown(name), t.loc(row, 'Setting')));
      continue;
    }
    const problem = read(settings, text, t.value(row, 'Value'));
    if (problem) issues.push(issueAt(problem, t.loc(row, 'Value')));
  }
  return settings;
}

/** Reads one setting's value into `settings`; a value it cannot read is left at its default and said. */
type SettingReader = (settings: Settings, text: string, value: CellValue) => Msg | null;

/** A fiscal-year setting (Base Year, Budget Year...): a bad one leaves the default and says which that is. */
const yearSetting =
  (
    field: 'baseYear' | 'budgetYear' | 'currentYear' | 'priorYear',
    label: string,
    fallback: string,
  ): SettingReader =>
  (settings, text, value) => {
    const year = parseYear(value);
    if (year === null) return MESSAGES.settingInvalid(label, text, fallback);
    settings[field] = year;
    return null;
  };

/** A setting from a fixed vocabulary: `match` gives the value, or null for a word it does not know. */
const wordSetting =
  <K extends keyof Settings>(
    field: K,
    match: (text: string) => Settings[K] | null,
    label: string,
    fallback: string,
  ): SettingReader =>
  (settings, text) => {
    const v = match(text);
    if (v === null) return MESSAGES.settingInvalid(label, text, fallback);
    settings[field] = v;
    return null;
  };

const budgetYear = yearSetting('budgetYear', 'Budget Year', 'the default');
const currentYear = yearSetting('currentYear', 'Current Year', 'the default');
const priorYear = yearSetting('priorYear', 'Prior Year', 'the default');
// Read with the DATA Act files (server/engine/dataAct/setting.ts), where it is used.
const readElsewhere: SettingReader = () => null;

/**
 * Every setting the contract knows, by its name normalised (`Base Year`, `base year` and `BaseYear` alike). A
 * Map, so a setting named `constructor` is unknown rather than an object's own property.
 */
const SETTING_READERS = new Map<string, SettingReader>(
  Object.entries({
    agency: (settings, text) => {
      settings.agency = text;
      return null;
    },
    units: wordSetting('units', unitsOf, 'Units', 'Dollars'),
    costbasis: wordSetting(
      'costBasis',
      (text) => {
        const type = amountTypeOf(text);
        return type && type !== 'FTE' ? type : null;
      },
      'Cost Basis',
      'the default',
    ),
    baseyear: yearSetting('baseYear', 'Base Year', 'the latest year with amounts'),
    budgetyear: budgetYear,
    by: budgetYear,
    currentyear: currentYear,
    cy: currentYear,
    prioryear: priorYear,
    py: priorYear,
    allocation: wordSetting('allocation', allocationOf, 'Allocation', 'Step-Down'),
    maintaintolerance: (settings, _text, value) => {
      const f = readFraction(value, MESSAGES.maintainToleranceInvalid);
      if (f.kind === 'ok') settings.maintainTolerance = f.ppb / SHARE_SCALE;
      return f.kind === 'bad' ? f.msg : null;
    },
    submissionperiod: readElsewhere,
    note: readElsewhere,
    notes: readElsewhere,
    source: readElsewhere,
    sources: readElsewhere,
  }),
);
