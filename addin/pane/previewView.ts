import { OUTPUT_TABLES, type ColumnFormat, type MoneyDisplay } from '../../models';
import { h, show } from './dom';
import { formatCell } from './format';
import type { PreviewTable } from './xlsxPreview';

/** The output tables' first rows, one tab per table, formatted as the workbook shows them. */
export function previewView(tables: readonly PreviewTable[], money: MoneyDisplay): HTMLElement {
  const body = h('div', { class: 'preview-body' });
  const tabs = tables.map((table, i) =>
    h(
      'button',
      {
        class: 'tab',
        attrs: { type: 'button', role: 'tab', 'aria-selected': i === 0 ? 'true' : 'false' },
        on: {
          click: () => {
            tabs.forEach((t, j) => t.setAttribute('aria-selected', String(i === j)));
            show(body, tableView(table, money));
          },
        },
      },
      table.name,
    ),
  );
  if (tables[0]) show(body, tableView(tables[0], money));
  return h(
    'section',
    { class: 'preview', attrs: { 'aria-label': 'Output tables', 'data-testid': 'preview' } },
    h('h3', null, 'Output tables'),
    h('div', { class: 'tabs', attrs: { role: 'tablist' } }, ...tabs),
    body,
  );
}

function tableView(table: PreviewTable, money: MoneyDisplay): HTMLElement {
  const formats = table.header.map((name) => columnFormat(table.name, name));
  const numeric = (f: ColumnFormat) => f !== 'text';
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
            ...table.header.map((name, c) =>
              h('th', { class: numeric(formats[c] ?? 'text') ? 'num' : '' }, name),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          ...table.rows.map((row) =>
            h(
              'tr',
              null,
              ...table.header.map((_, c) =>
                h(
                  'td',
                  { class: numeric(formats[c] ?? 'text') ? 'num' : '' },
                  formatCell(row[c] ?? null, formats[c] ?? 'text', money),
                ),
              ),
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

/** The contract's format for a column; the per-year and per-objective columns are money. */
function columnFormat(table: string, column: string): ColumnFormat {
  const specs: Record<string, readonly { name: string; format: ColumnFormat }[]> = OUTPUT_TABLES;
  const known = [...(specs[table] ?? []), ...(specs[`${table}Tail`] ?? [])].find((c) => c.name === column);
  if (known) return known.format;
  return table === 'ResourcesByGoal' || table === 'CrosswalkMatrix' ? 'money' : 'number';
}
