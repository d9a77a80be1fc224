import type { Summary } from '../../models';
import { h } from './dom';
import { formatChange, formatMoney, plural, unitsLabel } from './format';

/**
 * What a run found, at a glance: cost by goal (named by its basis) in the base series, measures met, each scenario's change
 * and what it does to measures meeting target, and how many issues of each kind.
 */
export function summaryView(summary: Summary): HTMLElement {
  const series = summary.baseSeries ?? summary.series[summary.series.length - 1]?.label ?? null;
  const money = summary.money;
  const totalFor = (totals: Summary['goals'][number]['totals']) =>
    totals.find((t) => t.series === series)?.amount ?? 0;
  const goalsTotal = summary.goals.reduce((n, g) => n + totalFor(g.totals), 0);
  // The goals, then what is in no goal (unmapped lines, pools left unallocated), then the Budget's own total:
  // the figures tie out on the page as they do on the ResourcesByGoal sheet.
  const budgetTotal = summary.budgetTotals.find(
    (t) => t.amountType === summary.costBasis && t.series === series,
  )?.amount;
  const row = (label: string, amount: number, cls = '') =>
    h('tr', { class: cls }, h('td', null, label), h('td', { class: 'num' }, formatMoney(amount, money)));

  const goals = h(
    'table',
    { class: 'figures', attrs: { 'aria-label': `${summary.costLabel} by strategic goal` } },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { attrs: { scope: 'col' } }, 'Goal'),
        h('th', { class: 'num', attrs: { scope: 'col' } }, series ?? summary.costLabel),
      ),
    ),
    h(
      'tbody',
      null,
      ...summary.goals.map((g) =>
        h(
          'tr',
          null,
          h('td', null, h('span', { class: 'goal-id' }, g.goalId), ' ', g.name),
          h('td', { class: 'num' }, formatMoney(totalFor(g.totals), money)),
        ),
      ),
      summary.goals.length > 1 ? row('All goals', goalsTotal, 'subtotal') : null,
      budgetTotal !== undefined && budgetTotal !== goalsTotal
        ? row('In no goal (unmapped, unallocated, receipts, eliminated)', budgetTotal - goalsTotal, 'muted')
        : null,
      budgetTotal !== undefined ? row('Budget total', budgetTotal, 'total') : null,
    ),
  );

  const { measures } = summary;
  return h(
    'section',
    { class: 'summary', attrs: { 'aria-label': 'Summary', 'data-testid': 'summary' } },
    h('h2', null, summary.agency || 'This workbook'),
    h(
      'p',
      { class: 'caption' },
      `${summary.costLabel[0]?.toUpperCase() ?? ''}${summary.costLabel.slice(1)} by goal (${unitsLabel(money)})`,
    ),
    summary.goals.length > 0 ? goals : h('p', { class: 'muted' }, 'No goals were read.'),
    h(
      'dl',
      { class: 'facts' },

      h('dt', null, 'Budget lines'),
      h(
        'dd',
        null,
        `${summary.budgetLines.toLocaleString('en-US')}`,
        summary.unmappedLines > 0
          ? h('span', { class: 'muted' }, ` (${summary.unmappedLines} unmapped)`)
          : null,
      ),
      h('dt', null, measures.year === null ? 'Measures' : `Measures, FY${measures.year}`),
      h(
        'dd',
        null,
        measures.total === 0
          ? 'none'
          : `${measures.met} met, ${measures.notMet} not met, of ${measures.total}`,
      ),
    ),
    summary.scenarios.length > 0
      ? h(
          'div',
          { class: 'scenarios' },
          h('h3', null, 'Scenarios'),
          h(
            'ul',
            null,
            ...summary.scenarios.map((s) =>
              h(
                'li',
                null,
                h('span', { class: 'scenario-name' }, s.name),
                h(
                  'span',
                  { class: 'muted' },
                  ` ${formatChange(s.fundingChange, money)}; meeting target ${s.metAtBase} → ${s.metInScenario} of ${s.judged}`,
                ),
              ),
            ),
          ),
        )
      : null,
    issueCounts(summary.issues),
  );
}

export function issueCounts(counts: Summary['issues']): HTMLElement {
  return h(
    'p',
    { class: 'counts', attrs: { 'data-testid': 'issue-counts' } },
    h('span', { class: counts.error > 0 ? 'pill error' : 'pill ok' }, plural(counts.error, 'error')),
    h('span', { class: counts.warning > 0 ? 'pill warning' : 'pill ok' }, plural(counts.warning, 'warning')),
    h('span', { class: 'pill info' }, plural(counts.info, 'note')),
  );
}
