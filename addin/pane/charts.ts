import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { MoneyDisplay, Status, Summary } from '../../models';
import { measuresChart, resourcesChart, type ChartData } from './chartData';
import { h } from './dom';
import { formatMoney, unitsLabel } from './format';
import { CHARTS, STATUS_COLORS } from './texts';

/**
 * The Summary sheet's two charts in the pane, drawn with Chart.js: bundled into taskpane.js by esbuild and
 * served from this server, so the pane's `script-src 'self'` holds (no CDN), and only the bar chart's parts are
 * registered, so the bundle carries nothing else. Each canvas has its figures as a table beside it, for screen
 * readers and for anyone who wants the numbers.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const SERIES_COLORS = ['#8fb8e0', '#0f6cbd', '#0c3b5e'];
/** Past this many goals the bars lie down, so each keeps a readable thickness in a narrow pane. */
const UPRIGHT_UP_TO = 6;
const FONT = { family: "'Segoe UI', system-ui, sans-serif", size: 11 };

export function chartsView(summary: Summary): HTMLElement | null {
  if (summary.goals.length === 0) return null;
  const resources = resourcesChart(summary);
  const measures = measuresChart(summary);
  const money = summary.money;
  return h(
    'section',
    { class: 'charts', attrs: { 'aria-label': 'Charts', 'data-testid': 'charts' } },
    figure(
      'resources',
      CHARTS.resources(summary.costLabel, unitsLabel(money)),
      CHARTS.resourcesAlt(summary.costLabel),
      resources,
      false,
      (v) => formatMoney(v, money),
      money,
    ),
    measures.series.length > 0
      ? figure(
          'measures',
          CHARTS.measures(summary.measures.year),
          CHARTS.measuresAlt,
          measures,
          true,
          (v) => String(v),
          money,
        )
      : h('p', { class: 'muted' }, CHARTS.noMeasures),
  );
}

function figure(
  name: string,
  title: string,
  alt: string,
  data: ChartData,
  stacked: boolean,
  format: (v: number) => string,
  money: MoneyDisplay,
): HTMLElement {
  const lying = data.goals.length > UPRIGHT_UP_TO;
  const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': title } });
  const box = h('div', { class: 'chart-box' }, canvas);
  // Upright: a fixed height; lying down: a height that grows with the goals, so bars never get thinner.
  box.style.height = `${lying ? 48 + data.goals.length * (stacked ? 22 : 14 * data.series.length + 8) : 220}px`;
  const element = h(
    'figure',
    { class: 'chart', attrs: { 'data-chart': name } },
    h('figcaption', null, title),
    box,
    dataTable(alt, data, format),
  );
  // Drawn once the figure is in the page, when the box has its width.
  requestAnimationFrame(() => new Chart(canvas, config(data, stacked, lying, money)));
  return element;
}

function config(
  data: ChartData,
  stacked: boolean,
  lying: boolean,
  money: MoneyDisplay,
): ChartConfiguration<'bar'> {
  const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
  const valueAxis = {
    stacked,
    beginAtZero: true,
    ticks: {
      font: FONT,
      precision: 0,
      callback: (v: string | number) => (stacked ? String(v) : compact.format(Number(v))),
    },
    grid: { color: '#eeeeee' },
  };
  const goalAxis = { stacked, ticks: { font: FONT, autoSkip: false }, grid: { display: false } };
  return {
    type: 'bar',
    data: {
      labels: data.goals.map((g) => (data.marked.includes(g) ? `${g} ⚠` : g)),
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: stacked
          ? STATUS_COLORS[s.label as Status]
          : (SERIES_COLORS[data.series.length === 1 ? 1 : i] ?? '#0f6cbd'),
        borderWidth: 0,
        maxBarThickness: 28,
      })),
    },
    options: {
      indexAxis: lying ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: a pane redrawn after each run has nothing to gain from motion, and tests see the end state.
      animation: false,
      plugins: {
        legend: { position: 'top', align: 'start', labels: { font: FONT, boxWidth: 10, boxHeight: 10 } },
        tooltip: {
          callbacks: {
            title: (items) => {
              const i = items[0]?.dataIndex ?? 0;
              return `${data.goals[i] ?? ''} ${data.names[i] ?? ''}`;
            },
            label: (item) =>
              `${item.dataset.label ?? ''}: ${stacked ? String(item.raw) : formatMoney(Number(item.raw), money)}`,
          },
        },
      },
      scales: lying ? { x: valueAxis, y: goalAxis } : { x: goalAxis, y: valueAxis },
    },
  };
}

/**
 * The chart's figures as a table, for screen readers (and tests): one row per goal, one column per series. In a
 * hidden box, since a table is laid out at its content's width whatever width it is given.
 */
function dataTable(caption: string, data: ChartData, format: (v: number) => string): HTMLElement {
  return h(
    'div',
    { class: 'visually-hidden' },
    h(
      'table',
      { class: 'chart-data' },
      h('caption', null, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { attrs: { scope: 'col' } }, 'Goal'),
          ...data.series.map((s) => h('th', { attrs: { scope: 'col' } }, s.label)),
        ),
      ),
      h(
        'tbody',
        null,
        ...data.goals.map((goal, i) =>
          h(
            'tr',
            null,
            h('th', { attrs: { scope: 'row' } }, `${goal} ${data.names[i] ?? ''}`),
            ...data.series.map((s) => h('td', null, format(s.values[i] ?? 0))),
          ),
        ),
      ),
    ),
  );
}
