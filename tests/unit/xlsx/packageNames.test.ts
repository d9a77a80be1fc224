import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../server/cli';
import { OutputNameConflictError, writeCrosswalkWorkbook } from '../../../server/xlsx';
import { referencedSheets } from '../../../server/xlsx/ooxml/definedNames';
import { definedNames, sheetPartsByName } from '../../fixtures/package/inspect';
import { definedNamesWorkbook, userSheetNamed, userTableNamed } from '../../fixtures/package/outputNames';
import { issuesTable, money, resourcesTable } from '../../fixtures/package/outputs';

const conflictOf = (run: Promise<unknown>) =>
  run.then(
    () => 'no error',
    (e: unknown) =>
      e instanceof OutputNameConflictError
        ? { name: e.tableName, sheet: e.sheet, kind: e.kind, message: e.message }
        : e,
  );

describe('Output names: a user’s sheet or table is never deleted', () => {
  test.each([
    ['issues', 'Issues'],
    ['Issues', 'Issues'],
    ['ISSUES', 'Issues'],
    ['goalseek', 'GoalSeek'],
  ])(
    'Given a user’s sheet named %j, When the outputs are written, Then the run stops naming it and what to rename',
    async (sheet, output) => {
      const failure = await conflictOf(writeCrosswalkWorkbook(userSheetNamed(sheet), [issuesTable], money));

      expect(failure).toMatchObject({ kind: 'sheet', sheet, name: sheet });
      const message = (failure as { message: string }).message;
      expect(message).toContain(`The sheet "${sheet}"`);
      expect(message).toContain(`("${output}")`);
      expect(message).toContain('Rename that sheet');
    },
  );

  test('Given a user’s table named like an output table in another case, When written, Then the run stops naming the table and its sheet', async () => {
    const failure = await conflictOf(
      writeCrosswalkWorkbook(userTableNamed('resourcesbygoal'), [resourcesTable], money),
    );
    expect(failure).toMatchObject({ kind: 'table', name: 'resourcesbygoal', sheet: 'Lists' });
  });

  test('Given a user’s sheet named issues, When the CLI runs on it, Then it exits 2 with the message and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-names-'));
    const input = join(dir, 'budget.xlsx');
    const output = join(dir, 'out.xlsx');
    writeFileSync(input, userSheetNamed('issues'));
    let stderr = '';

    const code = await main([input, '-o', output, '--quiet'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
    });

    expect(code).toBe(2);
    expect(stderr).toContain('The sheet "issues"');
    expect(existsSync(output)).toBe(false);
  });
});

describe('Defined names around replaced output sheets', () => {
  test('Given names that refer to user sheets, to a replaced output sheet and to one gone for good, When written, Then only the last are dropped', async () => {
    const input = definedNamesWorkbook();

    const output = await writeCrosswalkWorkbook(input, [issuesTable], money);

    expect(await definedNames(output)).toEqual({
      MyList: 'OpenIssues!$A$1',
      // Issues is written again: the name resolves to the new sheet of that name.
      TopIssue: 'Issues!$A$4',
      QuotedIssue: "'Issues'!$A$4",
      Label: '"Issues!A1 is text"',
      // Scoped to OpenIssues, which moved from index 2 to 1.
      'Local@1': 'OpenIssues!$A$1',
      // The new Issues sheet's header row, repeated on every printed page.
      '_xlnm.Print_Titles@2': "'Issues'!$3:$3",
    });
    expect([...(await sheetPartsByName(output)).keys()]).toEqual(['Budget', 'OpenIssues', 'Issues']);
  });

  test.each([
    ['Issues!$A$1', ['Issues']],
    ['OpenIssues!$A$1', ['OpenIssues']],
    ["'Cost Pools'!A1+'It''s'!B2", ['Cost Pools', "It's"]],
    ['SUM(Jan:Mar!B2)', ['Jan', 'Mar']],
    ['"Issues!A1"&X!A1', ['X']],
    ['[1]Issues!A1', []],
    ["'[Book.xlsx]Issues'!A1", []],
    ['Données!A1', ['Données']],
  ])('Given the formula %j, When read, Then it refers to the sheets %j', (formula, sheets) => {
    expect(referencedSheets(formula)).toEqual(sheets);
  });
});
