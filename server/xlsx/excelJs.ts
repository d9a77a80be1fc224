/**
 * exceljs, loaded the first time a workbook needs it. The direct reader and the byte writer handle the
 * workbooks budget offices use; exceljs is the fallback for the unusual (and a tool for tests), and loading it
 * costs a third of a second or more of start-up that every other CLI run and server worker would pay for nothing.
 */
let loaded: typeof import('exceljs') | undefined;

export function excelJs(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load, on purpose
  loaded ??= require('exceljs') as typeof import('exceljs');
  return loaded;
}
