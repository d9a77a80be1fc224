import type { Summary } from '../../models';
import { h } from './dom';
import { formatChange, formatMoney, plural, unitsLabel } from './format';
import { BANNER } from './texts';

const MARK = '⚠';
const MARK_TITLE = 'Short by a Budget amount that could not be read';

/**
 * What a run found, at a glance: cost by goal (named by its basis) for PY, CY and BY with the change, measures
 * met, each scenario's change and what it does to measures meeting target, and how many issues of each kind.
 * Totals short by a Budget amount that could not be read carry a mark, and the note under them says why.
 */
export function summaryView(summary: Summary): HTMLElement {
  const money = summary.money;
  const columns = amountColumns(summary);
  const short = new Set(summary.unreadAmounts.goals);
  const unread = summary.unreadAmounts.count > 0;
  const totalOf = (g: Summary['goals'][number], series: string) =>
    g.totals.find((t) => t.series === series)?.amount ?? 0;
  const budgetOf = (series: string) =>
    summary.budgetTotals.find((t) => t.amountType === summary.costBasis && t.series === series)?.amount;
  const goalsOf = (series: string) => summary.goals.reduce((n, g) => n + totalOf(g, series), 0);

  const amount = (value: number | undefined, change = false) =>
    value === undefined ? '' : change ? formatChange(value, money) : formatMoney(value, money);
  // The mark goes by the row's label: the figures do not say which series lost the amount, the note does.
  const mark = (marked: boolean) =>
    marked
      ? h('span', { class: 'mark', attrs: { title: MARK_TITLE, 'aria-label': MARK_TITLE } }, ` ${MARK}`)
      : null;
  const cells = (values: (series: string) => number | undefined) => [
    ...columns.series.map((s) =>
      h('td', { class: `num ${s.wide ? 'wide-only' : ''}` }, amount(values(s.label))),
    ),
    columns.change
      ? h('td', { class: 'num wide-only' }, amount(changeOf(values, columns.change), true))
      : null,
  ];
  const row = (label: string, values: (series: string) => number | undefined, cls: string, marked: boolean) =>
    h('tr', { class: cls }, h('td', null, label, mark(marked)), ...cells(values));

  // The goals, then what is in no goal (unmapped lines, pools left unallocated), then the Budget's own total:
  // the figures tie out on the page as they do on the ResourcesByGoal sheet.
  const base = columns.series[columns.series.length - 1]?.label ?? '';
  const budgetBase = budgetOf(base);
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
        ...columns.series.map((s) =>
          h('th', { class: `num ${s.wide ? 'wide-only' : ''}`, attrs: { scope: 'col' } }, s.label),
        ),
        columns.change ? h('th', { class: 'num wide-only', attrs: { scope: 'col' } }, 'Change') : null,
      ),
    ),
    h(
      'tbody',
      null,
      ...summary.goals.map((g) =>
        h(
          'tr',
          { class: short.has(g.goalId) ? 'short' : '', attrs: { 'data-goal': g.goalId } },
          h('td', null, h('span', { class: 'goal-id' }, g.goalId), ' ', g.name, mark(short.has(g.goalId))),
          ...cells((s) => totalOf(g, s)),
        ),
      ),
      summary.goals.length > 1 ? row('All goals', goalsOf, 'subtotal', short.size > 0) : null,
      budgetBase !== undefined && budgetBase !== goalsOf(base)
        ? row(
            'In no goal (unmapped, unallocated, receipts, eliminated)',
            (s) => {
              const b = budgetOf(s);
              return b === undefined ? undefined : b - goalsOf(s);
            },
            'muted',
            false,
          )
        : null,
      budgetBase !== undefined ? row('Budget total', budgetOf, 'total', unread) : null,
    ),
  );
  const note = unread
    ? h(
        'p',
        { class: 'short-note', attrs: { 'data-testid': 'short-note' } },
        `${MARK} `,
        BANNER.unread(summary.unreadAmounts.count, cellList(summary)),
      )
    : null;

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
    note,
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

interface Columns {
  /** `wide` columns are shown only where there is room (PY beside CY and BY). */
  series: { label: string; wide: boolean }[];
  /** BY minus CY, when both are there. */
  change: { from: string; to: string } | null;
}

/** PY (where there is room), CY and BY, as the Summary sheet shows them; else the base series alone. */
export function amountColumns(summary: Summary): Columns {
  const { priorYear: py, currentYear: cy, budgetYear: by } = summary;
  if (cy && by)
    return {
      series: [
        ...(py ? [{ label: py.label, wide: true }] : []),
        { label: cy.label, wide: false },
        { label: by.label, wide: false },
      ],
      change: { from: cy.label, to: by.label },
    };
  const base = summary.baseSeries ?? summary.series[summary.series.length - 1]?.label;
  return { series: base ? [{ label: base, wide: false }] : [], change: null };
}

function changeOf(values: (series: string) => number | undefined, change: { from: string; to: string }) {
  const from = values(change.from);
  const to = values(change.to);
  return from === undefined || to === undefined ? undefined : to - from;
}

function cellList(summary: Summary): string {
  const u = summary.unreadAmounts;
  return `${u.cells.join(', ')}${u.count > u.cells.length ? ', …' : ''}`;
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
