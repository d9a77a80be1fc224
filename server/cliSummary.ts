import type { EngineResult, Summary } from '../models';
import { issueLocation } from '../models';
import { plural } from './cliText';

/**
 * The human summary the command line prints after a run: the cost basis and series in the words the output
 * sheets use, each goal's amount with the workbook's own decimals, measures and scenarios only when there are
 * any, and issue counts in plain English.
 */

/** `4294716622.2` with two decimals → `4,294,716,622.20`: the amount as precisely as the workbook holds it. */
export function formatAmount(amount: number, decimals: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function unitWord(units: Summary['units']): string {
  return units === 'Dollars' ? 'dollars' : `${units.toLowerCase()} of dollars`;
}

function goalLines(s: Summary): string[] {
  if (!s.costBasis || s.baseSeries === null) return [];
  const lines = [`${s.agency || 'Agency'}: ${s.costLabel} by goal, ${s.baseSeries} (${unitWord(s.units)})`];
  for (const g of s.goals) {
    const amount = g.totals.find((t) => t.series === s.baseSeries)?.amount ?? 0;
    lines.push(
      `  ${g.goalId.padEnd(6)} ${g.name.slice(0, 48).padEnd(48)} ${formatAmount(amount, s.money.decimals).padStart(16)}`,
    );
  }
  return lines;
}

function measureLines(s: Summary): string[] {
  if (s.measures.year === null || s.measures.total === 0) return [];
  const { met, notMet, total, year } = s.measures;
  return [`Measures FY${year}: ${met} met, ${notMet} not met, of ${plural(total, 'measure')}`];
}

function scenarioLines(s: Summary): string[] {
  if (s.scenarios.length === 0) return [];
  const lines = ['Scenarios (see ScenarioResults and ScenarioComparison):'];
  for (const sc of s.scenarios) {
    const change = `${sc.fundingChange >= 0 ? '+' : ''}${formatAmount(sc.fundingChange, s.money.decimals)}`;
    lines.push(
      `  ${sc.name.slice(0, 32).padEnd(32)} FY${sc.year} funding ${change.padStart(12)}   measures meeting target ${sc.metAtBase} -> ${sc.metInScenario} of ${sc.judged}`,
    );
  }
  return lines;
}

function issueLines(result: EngineResult): string[] {
  const { error, warning, info } = result.summary.issues;
  const counts = `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'note')}`;
  const lines = [`Issues: ${counts}${error + warning > 0 ? ' (see the Issues sheet)' : ''}`];
  for (const i of result.issues.filter((x) => x.severity === 'error').slice(0, 10))
    lines.push(`  ${issueLocation(i) || '(workbook)'}: ${i.message}`);
  return lines;
}

export function humanSummary(result: EngineResult, output: string): string {
  const s = result.summary;
  return [
    `Wrote ${output}`,
    ...goalLines(s),
    ...measureLines(s),
    ...scenarioLines(s),
    ...issueLines(result),
  ].join('\n');
}
