import { rangeAddress } from '../../../../models/a1';
import { FakeCollection, FakeProxy, type FakeRequestContext } from './context';
import { FakeChartCollection } from './chart';
import { FakeRange, rangeAt, WHOLE_SHEET } from './range';
import { FakeExcelError, type FakeSheet, type FakeTable as TableState } from './state';

/** Worksheets, tables, names and the application, as proxies over the fake's state. */

/** Resolves at request time; a null object resolves to null, a missing item throws ItemNotFound. */
type Resolve<T> = () => T | null;

/** The footer every page prints: each section is one string of Excel's codes (&8, &D, &P, &N). */
class FakeFooter {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  private set(side: 'left' | 'center' | 'right', text: string): void {
    this.ctx.enqueue({ footer: side, text }, () => void (this.sheet().print.footer[side] = text));
  }
  set leftFooter(text: string) {
    this.set('left', text);
  }
  set centerFooter(text: string) {
    this.set('center', text);
  }
  set rightFooter(text: string) {
    this.set('right', text);
  }
}

/** A worksheet's page setup, write-only as the adapter uses it: each setting lands in the sheet's `print`. */
export class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: FakeFooter };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    this.headersFooters = { defaultForAllPages: new FakeFooter(ctx, sheet) };
  }
  set orientation(orientation: string) {
    this.ctx.enqueue({ orientation }, () => void (this.sheet().print.orientation = orientation));
  }
  set zoom(zoom: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.ctx.enqueue({ zoom }, () => void (this.sheet().print.zoom = { ...zoom }));
  }
  setPrintTitleRows(rows: string): void {
    this.ctx.enqueue({ printTitleRows: rows }, () => void (this.sheet().print.titleRows = rows));
  }
}

export class FakeWorksheet extends FakeProxy {
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeRows(count: number): void };
  readonly pageLayout: FakePageLayout;

  constructor(
    ctx: FakeRequestContext,
    private readonly target: Resolve<FakeSheet>,
  ) {
    super(ctx);
    this.tables = new FakeTableCollection(ctx, () => this.sheet());
    this.charts = new FakeChartCollection(ctx, () => this.sheet());
    this.pageLayout = new FakePageLayout(ctx, () => this.sheet());
    this.freezePanes = {
      freezeRows: (count) => ctx.enqueue({ freezeRows: count }, () => void (this.sheet().frozenRows = count)),
    };
  }

  sheet(): FakeSheet {
    const sheet = this.target();
    if (!sheet) throw new FakeExcelError('InvalidObjectPath', 'The worksheet is a null object.');
    return sheet;
  }

  get name(): string {
    return this.read('name');
  }
  set name(_: string) {
    throw new FakeExcelError('NotImplemented', 'The fake does not rename sheets.');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** Without an address, the whole sheet (as Excel's `getRange()`). */
  getRange(address: string = WHOLE_SHEET): FakeRange {
    return rangeAt(this.ctx, () => this.sheet(), address);
  }

  getUsedRangeOrNullObject(valuesOnly: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.sheet();
      const box = this.ctx.state.usedBox(sheet, valuesOnly);
      return box ? { sheet, box } : null;
    });
  }

  activate(): void {
    this.ctx.enqueue({ activate: true }, () => void (this.ctx.state.activeSheetId = this.sheet().id));
  }

  delete(): void {
    this.ctx.enqueue({ delete: true }, () => this.ctx.state.deleteSheet(this.sheet().id));
  }

  snapshot(paths: string[]) {
    const sheet = this.target();
    return this.snapshotWith(paths, (name) => {
      if (name === 'isNullObject') return sheet === null;
      if (!sheet) throw new FakeExcelError('InvalidObjectPath', `Cannot read ${name} of a null object.`);
      if (name === 'name') return sheet.name;
      if (name === 'position') return this.ctx.state.sheets.indexOf(sheet);
      throw new FakeExcelError('InvalidArgument', `The fake worksheet has no property ${name}.`);
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected current(): FakeWorksheet[] {
    return this.ctx.state.sheets.map((s) => this.byId(s.id));
  }
  private byId(id: number): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const sheet = this.ctx.state.sheetById(id);
      if (!sheet) throw new FakeExcelError('ItemNotFound', 'The worksheet no longer exists.');
      return sheet;
    });
  }
  add(name: string): FakeWorksheet {
    let id: number | undefined;
    this.ctx.enqueue({ add: name }, () => void (id = this.ctx.state.addSheet(name).id));
    return new FakeWorksheet(this.ctx, () => {
      if (id === undefined) throw new FakeExcelError('InvalidObjectPath', 'The worksheet was not added.');
      return this.ctx.state.sheetById(id) ?? null;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheetByName(name) ?? null);
  }
}

export class FakeTable extends FakeProxy {
  readonly worksheet: FakeWorksheet;

  constructor(
    ctx: FakeRequestContext,
    private readonly target: Resolve<TableState>,
  ) {
    super(ctx);
    this.worksheet = new FakeWorksheet(ctx, () => ctx.state.sheetById(this.table().sheetId) ?? null);
  }

  table(): TableState {
    const table = this.target();
    if (!table) throw new FakeExcelError('InvalidObjectPath', 'The table is a null object.');
    return table;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.ctx.enqueue({ name }, () => this.ctx.state.renameTable(this.table(), name));
  }
  get style(): string {
    return this.read('style');
  }
  set style(style: string) {
    this.ctx.enqueue({ style }, () => void (this.table().style = style));
  }
  get showBandedRows(): boolean {
    return this.read('showBandedRows');
  }
  set showBandedRows(show: boolean) {
    this.ctx.enqueue({ showBandedRows: show }, () => void (this.table().showBandedRows = show));
  }

  private part(rows: (t: TableState) => { top: number; bottom: number }): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      const sheet = this.ctx.state.sheetById(t.sheetId);
      return sheet ? { sheet, box: { ...t.box, ...rows(t) } } : null;
    });
  }
  getRange(): FakeRange {
    return this.part((t) => t.box);
  }
  getHeaderRowRange(): FakeRange {
    return this.part((t) => ({ top: t.box.top, bottom: t.box.top }));
  }
  getDataBodyRange(): FakeRange {
    return this.part((t) => ({ top: t.box.top + 1, bottom: t.box.bottom }));
  }
  /** Removes the table; its cells keep their values, as Excel leaves them. */
  delete(): void {
    this.ctx.enqueue({ delete: 'table' }, () => this.ctx.state.deleteTable(this.table().id));
  }

  snapshot(paths: string[]) {
    const table = this.target();
    return this.snapshotWith(
      paths,
      (name) => {
        if (name === 'isNullObject') return table === null;
        if (!table) throw new FakeExcelError('InvalidObjectPath', `Cannot read ${name} of a null object.`);
        if (name === 'name' || name === 'style' || name === 'showBandedRows') return table[name];
        throw new FakeExcelError('InvalidArgument', `The fake table has no property ${name}.`);
      },
      (name) => (name === 'worksheet' ? this.worksheet : undefined),
    );
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable> {
  /** `sheet` scopes the collection to one worksheet; without it, it is the workbook's. */
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet?: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected current(): FakeTable[] {
    const scope = this.sheet?.();
    return this.ctx.state.tables
      .filter((t) => !scope || t.sheetId === scope.id)
      .map((t) => new FakeTable(this.ctx, () => this.ctx.state.tables.find((x) => x.id === t.id) ?? null));
  }
  /**
   * As Excel documents it: a Range makes the table on the range's sheet; a string address without a sheet
   * name means the *active* sheet, whichever collection `add` was called on.
   */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let id: number | undefined;
    this.ctx.enqueue({ add: typeof address === 'string' ? address : 'range', hasHeaders }, () => {
      const state = this.ctx.state;
      if (typeof address !== 'string') {
        const { sheet, box } = address.resolve();
        id = state.addTable(sheet, rangeAddress(box), hasHeaders).id;
        return;
      }
      const bang = address.lastIndexOf('!');
      const sheet =
        bang >= 0
          ? state.sheet(address.slice(0, bang).replace(/^'|'$/g, ''))
          : state.sheetById(state.activeSheetId ?? -1);
      if (!sheet) throw new FakeExcelError('ItemNotFound', 'There is no active sheet.');
      id = state.addTable(sheet, address.slice(bang + 1), hasHeaders).id;
    });
    return new FakeTable(this.ctx, () => this.ctx.state.tables.find((t) => t.id === id) ?? null);
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, () => this.ctx.state.tableByName(name) ?? null);
  }
}

class FakeNamedItem extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly itemName: string,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.read('name');
  }
  snapshot(paths: string[]) {
    return this.snapshotWith(paths, () => this.itemName);
  }
}

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected current(): FakeNamedItem[] {
    return this.ctx.state.names.map((n) => new FakeNamedItem(this.ctx, n));
  }
}

export class FakeApplication {
  constructor(private readonly ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ suspend: 'calculation' }, () => void (this.ctx.suspended.calculation = true));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue({ suspend: 'screen' }, () => void (this.ctx.suspended.screen = true));
  }
  calculate(calculationType: string): void {
    this.ctx.enqueue(
      { calculate: calculationType },
      () => void this.ctx.state.calculations.push(calculationType),
    );
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
}
