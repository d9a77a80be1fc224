import { deflateRawSync } from 'node:zlib';
import { UnreadableWorkbookError, WorkbookTooLargeError } from '../../../server/xlsx';
import { inflateNode } from '../../../server/xlsx/package/node';
import { XlsxPackage, type Inflate } from '../../../server/xlsx/package/xlsxPackage';
import { workbookBytes } from '../../fixtures/xlsx/workbooks';

const SHEET = 'xl/worksheets/sheet1.xml';

/** The Node inflater, counting the parts it inflates by name. */
function countingInflate(): { inflate: Inflate; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const inflate: Inflate = (data, size, part) => {
    counts.set(part, (counts.get(part) ?? 0) + 1);
    return inflateNode(data, size, part);
  };
  return { inflate, counts };
}

async function budgetWorkbook(): Promise<Buffer> {
  return workbookBytes((wb) => {
    const sheet = wb.addWorksheet('Budget');
    for (let row = 1; row <= 200; row++) sheet.getRow(row).values = [`Account ${row}`, row * 1.25];
  });
}

describe('A package opened with its sizes verified', () => {
  it('Given a verified package, When a part is first read, Then the bytes checked at opening are returned without inflating again', async () => {
    const bytes = await budgetWorkbook();
    const { inflate, counts } = countingInflate();
    const pkg = await XlsxPackage.open(bytes, { inflate, verifySizes: true });
    expect(counts.get(SHEET)).toBe(1);

    const first = await pkg.read(SHEET);

    expect(counts.get(SHEET)).toBe(1);
    expect(Buffer.from(first ?? []).toString('utf8')).toContain('<c r="B200"><v>250</v></c>');
  });

  it('Given a part already read once, When read again, Then it is inflated again to the same bytes (checked bytes are held only until taken)', async () => {
    const { inflate, counts } = countingInflate();
    const pkg = await XlsxPackage.open(await budgetWorkbook(), { inflate, verifySizes: true });
    const first = await pkg.read(SHEET);

    const second = await pkg.read(SHEET);

    expect(counts.get(SHEET)).toBe(2);
    expect(Buffer.compare(Buffer.from(second ?? []), Buffer.from(first ?? []))).toBe(0);
  });

  it('Given checked parts released, When a part is read, Then it is inflated again', async () => {
    const { inflate, counts } = countingInflate();
    const pkg = await XlsxPackage.open(await budgetWorkbook(), { inflate, verifySizes: true });

    pkg.releaseChecked();
    await pkg.read(SHEET);

    expect(counts.get(SHEET)).toBe(2);
  });

  it('Given a bound on the bytes kept, When the sheet is read, Then it is inflated again only when the parts up to it pass the bound', async () => {
    const bytes = await budgetWorkbook();
    const entries = (await XlsxPackage.open(bytes, { inflate: inflateNode })).entries;
    const upTo = entries.findIndex((e) => e.name === SHEET);
    const needed = entries.slice(0, upTo + 1).reduce((sum, e) => sum + e.size, 0);

    const sheetInflations = async (maxCheckedBytes: number): Promise<number | undefined> => {
      const { inflate, counts } = countingInflate();
      const pkg = await XlsxPackage.open(bytes, { inflate, verifySizes: true, maxCheckedBytes });
      await pkg.read(SHEET);
      return counts.get(SHEET);
    };

    expect(await sheetInflations(needed)).toBe(1);
    expect(await sheetInflations(needed - 1)).toBe(2);
    expect(await sheetInflations(0)).toBe(2);
  });

  it('Given a package opened without verifying, When a part is read, Then it is inflated on that read only', async () => {
    const { inflate, counts } = countingInflate();
    const pkg = await XlsxPackage.open(await budgetWorkbook(), { inflate });
    expect(counts.get(SHEET)).toBeUndefined();

    await pkg.read(SHEET);

    expect(counts.get(SHEET)).toBe(1);
  });
});

describe('inflateNode (one output chunk per part)', () => {
  const plain = Buffer.alloc(3 * 1024 * 1024, 'budget line ');
  const data = deflateRawSync(plain);

  it('Given a part of its declared size, When inflated, Then every byte comes back', async () => {
    const out = await inflateNode(data, plain.length, SHEET);

    expect(Buffer.compare(Buffer.from(out), plain)).toBe(0);
  });

  it('Given a part holding more than it declares, When inflated, Then it is refused as a hidden bomb', async () => {
    await expect(inflateNode(data, 1000, SHEET)).rejects.toThrow(WorkbookTooLargeError);
    await expect(inflateNode(data, plain.length - 1, SHEET)).rejects.toThrow(WorkbookTooLargeError);
  });

  it('Given a part holding less than it declares, When inflated, Then it is damaged', async () => {
    await expect(inflateNode(data, plain.length + 1, SHEET)).rejects.toThrow(UnreadableWorkbookError);
  });
});
