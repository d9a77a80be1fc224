import { crosswalkXlsx } from '../../../server/pipeline';
import { checkXlsxZip, UnreadableWorkbookError, writeCrosswalkWorkbook } from '../../../server/xlsx';
import {
  duplicatePartWorkbook,
  NOT_A_WORKBOOK,
  packageOfType,
  vbaInsidePlainWorkbook,
  workbookWithEntry,
} from '../../fixtures/package/packageKinds';
import { issuesTable, money } from '../../fixtures/package/outputs';
import { rawWorkbook } from '../../fixtures/package/rawWorkbook';
import { userSheet } from '../../fixtures/package/ownOutput';

const refusal = (e: unknown) =>
  e instanceof UnreadableWorkbookError ? { reason: e.reason, refusal: e.refusal, message: e.message } : e;

async function failureOf(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => 'no error',
    (e: unknown) => refusal(e),
  );
}

describe('Packages that are not plain workbooks', () => {
  test('Given an ordinary workbook built the same way, When written, Then it is accepted (the control case)', async () => {
    const bytes = rawWorkbook({ sheets: [userSheet('Budget')] });
    await expect(writeCrosswalkWorkbook(bytes, [issuesTable], money)).resolves.toBeInstanceOf(Buffer);
  });

  test.each(NOT_A_WORKBOOK)(
    'Given %s named .xlsx, When read or written, Then it is refused with its own message before anything is written',
    async (_label, mainType, expected) => {
      const bytes = packageOfType(mainType);

      const viaPipeline = await failureOf(crosswalkXlsx(bytes));
      const viaWriter = await failureOf(writeCrosswalkWorkbook(bytes, [issuesTable], money));

      expect(viaPipeline).toMatchObject({ reason: 'not-xlsx', refusal: expected });
      expect(viaWriter).toEqual(viaPipeline);
      expect((viaPipeline as { message: string }).message).toMatch(/Excel Workbook \(\.xlsx\)|add-in/);
    },
  );

  test('Given a VBA project inside a package that calls itself a plain workbook, When checked, Then it is refused as macro-enabled from the directory alone', async () => {
    const bytes = vbaInsidePlainWorkbook();
    expect(() => checkXlsxZip(bytes)).toThrow(expect.objectContaining({ refusal: 'macro-enabled' }));
    expect(await failureOf(writeCrosswalkWorkbook(bytes, [issuesTable], money))).toMatchObject({
      refusal: 'macro-enabled',
      message: expect.stringContaining('contains macros'),
    });
  });

  test.each([
    ['../evil.xml'],
    ['/xl/abs.xml'],
    ['xl\\evil.xml'],
    ['xl/./x.xml'],
    ['xl//x.xml'],
    ['C:/x.xml'],
  ])(
    'Given a zip entry named %j, When read or written, Then the file is refused as unsafe before anything is written',
    async (name) => {
      const bytes = workbookWithEntry(name);
      expect(() => checkXlsxZip(bytes)).toThrow(expect.objectContaining({ refusal: 'unsafe-path' }));
      const viaWriter = await failureOf(writeCrosswalkWorkbook(bytes, [issuesTable], money));
      expect(viaWriter).toMatchObject({ reason: 'damaged', refusal: 'unsafe-path' });
      expect(await failureOf(crosswalkXlsx(bytes))).toEqual(viaWriter);
    },
  );

  test('Given two entries for one part name in different case, When checked, Then the file is refused as damaged', () => {
    expect(() => checkXlsxZip(duplicatePartWorkbook())).toThrow(
      expect.objectContaining({ reason: 'damaged' }),
    );
  });
});
