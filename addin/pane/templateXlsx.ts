import { strToU8, zipSync } from 'fflate';
import { INPUT_TABLES, type InputTableSpec } from '../../models';
import { columnLetters } from '../../models/a1';
import { templateSheets, type TemplateSheet } from '../excel/template';

/**
 * The blank template as an .xlsx built in the browser, for people without Excel's add-in: the same sheets as
 * Insert template (`templateSheets`), each with its note in A1, a note above each column, the header in row 3
 * as an Excel table, code columns formatted as text, and the header frozen. A minimal SpreadsheetML package
 * written by hand and zipped with fflate (already in the pane's bundle for reading workbooks): exceljs would
 * add about a megabyte to the pane for what is a few kilobytes of XML.
 */

const HEADER_ROW = 3;
/** Columns holding codes and IDs are formatted as text, so `0001` and `1.10` stay as typed (as Insert template). */
const CODE_COLUMNS = /(^|\s)(id|account|program activity|object class|cost pool|target pool|key)$/i;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Cell styles, by their index in styles.xml's cellXfs. */
const STYLE = { plain: 0, note: 1, columnNote: 2, text: 3 } as const;

const esc = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

export function templateXlsx(fiscalYear: number): Uint8Array {
  const sheets = templateSheets(fiscalYear);
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, xml: string) =>
    (files[path] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`));

  put(
    '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>` +
            `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${CT}.table+xml"/>`,
        )
        .join('') +
      `</Types>`,
  );
  put(
    '_rels/.rels',
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.sheet)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG_REL}">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  put('xl/styles.xml', STYLES);
  sheets.forEach((s, i) => {
    const spec = Object.values(INPUT_TABLES).find((t) => t.name === s.sheet);
    put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, spec));
    put(
      `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table${i + 1}.xml"/></Relationships>`,
    );
    put(`xl/tables/table${i + 1}.xml`, tableXml(s, i + 1));
  });
  return zipSync(files, { level: 6 });
}

function sheetXml(t: TemplateSheet, spec: InputTableSpec | undefined): string {
  const last = columnLetters(t.columns.length);
  const bottom = HEADER_ROW + t.rows.length;
  const text = (ref: string, value: string, style: number) =>
    value === ''
      ? `<c r="${ref}" s="${style}"/>`
      : `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
  const row = (r: number, cells: string, extra = '') => `<row r="${r}"${extra}>${cells}</row>`;
  const rows = [
    row(1, text('A1', spec?.note ?? '', STYLE.note)),
    row(
      2,
      t.columns
        .map((name, c) => text(`${columnLetters(c + 1)}2`, columnNote(spec, name), STYLE.columnNote))
        .join(''),
    ),
    row(
      HEADER_ROW,
      t.columns.map((name, c) => text(`${columnLetters(c + 1)}${HEADER_ROW}`, name, STYLE.text)).join(''),
    ),
    ...t.rows.map((values, k) =>
      row(
        HEADER_ROW + 1 + k,
        t.columns
          .map((name, c) =>
            text(
              `${columnLetters(c + 1)}${HEADER_ROW + 1 + k}`,
              values[c] ?? '',
              CODE_COLUMNS.test(name) ? STYLE.text : STYLE.plain,
            ),
          )
          .join(''),
      ),
    ),
  ];
  const cols = t.columns
    .map((name, c) => {
      const width = Math.min(40, Math.max(14, name.length + 4));
      return `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  return (
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${last}${bottom}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${HEADER_ROW + 1}" sqref="A${HEADER_ROW + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
  );
}

function tableXml(t: TemplateSheet, id: number): string {
  const ref = `A${HEADER_ROW}:${columnLetters(t.columns.length)}${HEADER_ROW + t.rows.length}`;
  return (
    `<table xmlns="${MAIN}" id="${id}" name="${esc(t.table)}" displayName="${esc(t.table)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">` +
    t.columns.map((name, c) => `<tableColumn id="${c + 1}" name="${esc(name)}"/>`).join('') +
    `</tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The note above a column: as Insert template writes it ("Required. …" for required columns). */
function columnNote(spec: InputTableSpec | undefined, name: string): string {
  const column = spec?.columns.find((c) => c.name === name);
  if (!column) return /^FY\d{4}\b/.test(name) ? 'Amounts for that series, in Units' : '';
  return column.required ? `Required. ${column.note}` : column.note;
}

/** Calibri 11; the notes italic or small, in grey; text format (`@`, built-in 49) for headers and code columns. */
const STYLES =
  `<styleSheet xmlns="${MAIN}">` +
  `<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><sz val="9"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>` +
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
