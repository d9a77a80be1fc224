import type { MoneyDisplay, Summary } from '../../models';
import { h, show } from './dom';
import { formatCell, formatPercent } from './format';
import { previewLayout, type Years } from './previewColumns';
import { tabStrip } from './tabs';
import type { PreviewTable } from './xlsxPreview';

/**
 * The output tables' first rows, one tab per table (the tabs that do not fit go into a menu), formatted as the
 * workbook shows them, amounts first: the row's label is pinned at the left and the budget year, current year
 * and change come right after it, so they are in view in a 360-pixel pane.
 */
export function previewView(tables: readonly PreviewTable[], summary: Summary): HTMLElement {
  const years: Years = {
    budget: summary.budgetYear?.label ?? summary.baseSeries,
    current: summary.currentYear?.label ?? null,
    prior: summary.priorYear?.label ?? null,
  };
  const body = h('div', { class: 'preview-body' });
  const open = (i: number) => {
    const table = tables[i];
    if (table) show(body, tableView(table, summary.money, years));
  };
  open(0);
  return h(
    'section',
    { class: 'preview', attrs: { 'aria-label': 'Output tables', 'data-testid': 'preview' } },
    h('h3', null, 'Output tables'),
    tabStrip(
      tables.map((t) => t.name),
      open,
    ),
    body,
  );
}

function tableView(table: PreviewTable, money: MoneyDisplay, years: Years): HTMLElement {
  const layout = previewLayout(table.name, table.header, years);
  const numeric = (c: number) => layout.formats[c] !== 'text';
  // A cell the workbook shows as a percent (a rate measure's target, 3.2%) is shown so; others by their column.
  const cell = (r: number, c: number) => {
    const value = table.rows[r]?.[c] ?? null;
    const percent = table.percents[r]?.[c] ?? null;
    return typeof value === 'number' && percent !== null
      ? formatPercent(value, percent)
      : formatCell(value, layout.formats[c] ?? 'text', money);
  };
  const labelName = layout.label === null ? null : (table.header[layout.label] ?? '');
  return h(
    'div',
    { class: 'preview-table', attrs: { role: 'tabpanel', 'data-table': table.name } },
    h('p', { class: 'caption' }, table.title),
    h(
      'div',
      { class: 'scroll' },
      h(
        'table',
        { class: 'grid' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            labelName === null ? null : h('th', { class: 'pin', attrs: { scope: 'col' } }, labelName),
            ...layout.order.map((c) =>
              h('th', { class: numeric(c) ? 'num' : '', attrs: { scope: 'col' } }, table.header[c] ?? ''),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          ...table.rows.map((_, r) =>
            h(
              'tr',
              null,
              layout.label === null
                ? null
                : h(
                    'th',
                    { class: 'pin', attrs: { scope: 'row', title: cell(r, layout.label) } },
                    h('span', { class: 'pin-label' }, cell(r, layout.label)),
                    contextLine(layout.context.map((c) => cell(r, c))),
                  ),
              ...layout.order.map((c) => h('td', { class: numeric(c) ? 'num' : '' }, cell(r, c))),
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      table.totalRows > table.rows.length
        ? `First ${table.rows.length} of ${table.totalRows.toLocaleString('en-US')} rows. Download the workbook for all of them.`
        : `${table.totalRows.toLocaleString('en-US')} rows.`,
    ),
  );
}

/** The IDs and kinds that tell rows with one label apart, on a small line under it. */
function contextLine(values: string[]): HTMLElement | null {
  const shown = values.filter((v) => v !== '');
  return shown.length === 0 ? null : h('span', { class: 'pin-context' }, shown.join(' · '));
}
