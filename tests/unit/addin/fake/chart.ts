import { parseA1 } from '../../../../models/a1';
import type { XlChartType } from '../../../../addin/excel/types';
import { FakeCollection, FakeProxy, type FakeRequestContext } from './context';
import type { FakeRange } from './range';
import { FakeExcelError, type FakeChart as ChartState, type FakeSheet } from './state';

/**
 * A worksheet's charts as Office.js exposes them, as far as the add-in uses them: add from a range (series by
 * columns), load `items/name`, rename, title, series names and categories, place, delete. Every change is an
 * action that runs at `sync()`, like the rest of the fake.
 */

type ChartFound = { sheet: FakeSheet; chart: ChartState };

export class FakeChartSeries {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: () => ChartFound,
    private readonly index: number,
  ) {}

  private series() {
    const series = this.chart().chart.series[this.index];
    if (!series) throw new FakeExcelError('ItemNotFound', `The chart has no series ${this.index}.`);
    return series;
  }
  set name(name: string) {
    this.ctx.enqueue({ seriesName: name }, () => void (this.series().name = name));
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.enqueue({ setXAxisValues: 'range' }, () => {
      const { sheet, box } = range.resolve();
      this.series().categories = this.ctx.state.address(sheet, box);
    });
  }
}

export class FakeChart extends FakeProxy {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): FakeChartSeries };

  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => ChartFound | undefined,
  ) {
    super(ctx);
    const found = () => this.found();
    this.title = {
      set text(text: string) {
        ctx.enqueue({ title: text }, () => void (found().chart.title = text));
      },
      get text(): string {
        throw new FakeExcelError('NotImplemented', 'The fake does not read chart titles back.');
      },
    };
    this.series = { getItemAt: (index) => new FakeChartSeries(ctx, found, index) };
  }

  private found(): ChartFound {
    const found = this.target();
    if (!found) throw new FakeExcelError('ItemNotFound', 'The chart no longer exists.');
    return found;
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.ctx.enqueue({ name }, () => void (this.found().chart.name = name));
  }
  /** As Excel: the start cell and end cell are on the chart's own sheet. */
  setPosition(startCell: string, endCell: string): void {
    this.ctx.enqueue({ setPosition: [startCell, endCell] }, () => {
      parseA1(startCell);
      parseA1(endCell);
      this.found().chart.position = { start: startCell, end: endCell };
    });
  }
  delete(): void {
    this.ctx.enqueue({ delete: 'chart' }, () => this.ctx.state.deleteChart(this.found().chart.id));
  }

  snapshot(paths: string[]) {
    const found = this.target();
    return this.snapshotWith(paths, (name) => {
      if (!found) throw new FakeExcelError('ItemNotFound', 'The chart no longer exists.');
      if (name === 'name') return found.chart.name;
      throw new FakeExcelError('InvalidArgument', `The fake chart has no property ${name}.`);
    });
  }
}

const byId = (ctx: FakeRequestContext, id: () => number | undefined) =>
  new FakeChart(ctx, () => {
    const chartId = id();
    return chartId === undefined ? undefined : ctx.state.chartById(chartId);
  });

export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected current(): FakeChart[] {
    return this.sheet().charts.map((c) => byId(this.ctx, () => c.id));
  }
  add(type: XlChartType, sourceData: FakeRange, seriesBy: 'Columns'): FakeChart {
    let id: number | undefined;
    this.ctx.enqueue({ addChart: type, seriesBy }, () => {
      id = this.ctx.state.addChart(this.sheet(), type, sourceData.resolve()).id;
    });
    return byId(this.ctx, () => id);
  }
}
