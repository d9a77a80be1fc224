import { attachmentHeader } from '../../../server/http/download';
import { workbookBaseName } from '../../../server/http/body';
import { exampleBytes, postWorkbook, start, type TestServer } from './harness';

/** The name a client saves the crosswalk under, as the RFC 6266 header gives it (`filename*` first). */
function savedName(header: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/.exec(header ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]*)"/.exec(header ?? '')?.[1] ?? '';
}

describe('Given a workbook uploaded under a name beyond ASCII', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test.each(['raw', 'form'] as const)(
    'When it is sent %s, Then the download keeps the name (filename*) with an ASCII fallback (filename)',
    async (as) => {
      const res = await postWorkbook(`${server.url}/api/v1/workbook`, exampleBytes(), {
        as,
        filename: 'Бюджет 2024 é.xlsx',
      });
      expect(res.status).toBe(200);
      const header = res.headers.get('content-disposition');
      expect(header).toBe(
        `attachment; filename="______ 2024 _-crosswalk.xlsx"; filename*=UTF-8''%D0%91%D1%8E%D0%B4%D0%B6%D0%B5%D1%82%202024%20%C3%A9-crosswalk.xlsx`,
      );
      expect(savedName(header)).toBe('Бюджет 2024 é-crosswalk.xlsx');
      await res.arrayBuffer();
    },
  );
});

describe('Given the name an upload came with', () => {
  test.each([
    ['a plain name', 'budget.xlsx', 'budget'],
    ['folders and a macro extension', 'C:\\Users\\me\\FY24 plan.xlsm', 'FY24 plan'],
    ['a decomposed accent (macOS)', 'Cafe\u0301.xlsx', 'Café'],
    ['quotes, a newline and a bidi override', 'a"b\r\nc\u202egpj.xlsx', 'a_b__c_gpj'],
    ['nothing usable', '...xlsx', 'workbook'],
  ])('When it is %s, Then it becomes a safe base name', (_what, original, expected) => {
    expect(workbookBaseName(original)).toBe(expected);
  });

  test("When a name needs escaping in the header, Then filename* escapes RFC 5987's reserved characters too", () => {
    expect(attachmentHeader("l'été (1)*.xlsx")).toBe(
      `attachment; filename="l'_t_ (1)*.xlsx"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29%2A.xlsx`,
    );
    expect(attachmentHeader('plain-crosswalk.xlsx')).toBe('attachment; filename="plain-crosswalk.xlsx"');
  });
});
