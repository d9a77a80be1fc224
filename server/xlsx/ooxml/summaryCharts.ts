import { OUTPUT_TABLE_TOP_LEFT, type OutputCell, type OutputTable } from '../../../models';
import { summaryCharts } from '../../../models/summaryCharts';
import { columnLetters, parseA1, quoteSheet } from '../../../models/a1';
import type { SheetDrawing } from './workbookPackage';
import { esc } from './xml';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const HEADER = parseA1(OUTPUT_TABLE_TOP_LEFT);
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// Column widths (characters) to EMU: Excel's 7-pixel character plus 5 pixels of padding, 9,525 EMU a pixel.
const emuOfWidth = (chars: number) => Math.round(chars * 7 + 5) * 9525;
const CHART = { cx: 4_480_560, cy: 2_743_200 }; // 4.9 in by 3 in, two side by side on a landscape page.

interface Series {
  name: string;
  nameRef: string;
  values: number[];
  ref: string;
}

/**
 * The Summary's two native charts, as chart parts whose series point at the Summary's own cells (so they follow
 * the figures, like a chart the user drew): resources by goal, CY against BY (clustered columns), and measures
 * by status per goal (stacked bars). Each series carries a cache of the values, which is what a reader that does
 * not recalculate shows. Null when the Summary has nothing to draw.
 */
export function summaryDrawing(table: OutputTable, widths: readonly number[]): SheetDrawing | null {
  const sheet = quoteSheet(table.name, true);
  const at = (row: number) => HEADER.row + 1 + row;
  const range = (col: number, rows: number[]) => {
    const letter = columnLetters(HEADER.column + col);
    return `${sheet}!$${letter}$${at(rows[0] as number)}:$${letter}$${at(rows[rows.length - 1] as number)}`;
  };
  const series = (col: number, rows: number[]): Series => ({
    name: table.columns[col]?.name ?? '',
    nameRef: `${sheet}!$${columnLetters(HEADER.column + col)}$${HEADER.row}`,
    values: rows.map((r) => numberOf(table.rows[r]?.[col] ?? null)),
    ref: range(col, rows),
  });
  const charts = summaryCharts(table).map((chart) =>
    chartXml(
      chart.title,
      chart.shape === 'stackedBars' ? 'bar' : 'col',
      chart.shape === 'stackedBars' ? 'stacked' : 'clustered',
      {
        labels: chart.rows.map((r) => String(table.rows[r]?.[chart.categoryColumn] ?? '')),
        ref: range(chart.categoryColumn, chart.rows),
      },
      chart.seriesColumns.map((c) => series(c, chart.rows)),
    ),
  );
  if (charts.length === 0) return null;
  // Below the table, with a blank row between: rows are the default 15 points (190,500 EMU).
  const top = (HEADER.row + Math.max(1, table.rows.length) + 1) * 190_500;
  const tableWidth = widths.reduce((sum, w) => sum + emuOfWidth(w), 0);
  const gap = Math.max(182_880, Math.min(tableWidth - 2 * CHART.cx, 914_400));
  const anchors = charts.map((_, i) => anchor(i, i * (CHART.cx + gap), top));
  return {
    drawingXml: `${DECLARATION}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join('')}</xdr:wsDr>`,
    charts,
  };
}

function numberOf(value: OutputCell): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function anchor(index: number, x: number, y: number): string {
  return (
    `<xdr:absoluteAnchor><xdr:pos x="${x}" y="${y}"/><xdr:ext cx="${CHART.cx}" cy="${CHART.cy}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId${index + 1}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor>`
  );
}

function chartXml(
  title: string,
  direction: 'col' | 'bar',
  grouping: 'clustered' | 'stacked',
  categories: { labels: string[]; ref: string },
  series: Series[],
): string {
  const strCache = (labels: string[]) =>
    `<c:strCache><c:ptCount val="${labels.length}"/>${labels.map((l, i) => `<c:pt idx="${i}"><c:v>${esc(l)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const ser = series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${esc(categories.ref)}</c:f>${strCache(categories.labels)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(s.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>` +
        `${s.values.map((v, j) => `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join('');
  // Bars (horizontal) list the first category at the top, as a reader expects, with the values axis below.
  const categoryOrder = direction === 'bar' ? 'maxMin' : 'minMax';
  return (
    `${DECLARATION}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1100" b="1"/><a:t>${esc(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${direction}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${ser}` +
    `<c:gapWidth val="80"/>${grouping === 'stacked' ? '<c:overlap val="100"/>' : ''}<c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="${categoryOrder}"/></c:scaling><c:delete val="0"/><c:axPos val="${direction === 'col' ? 'b' : 'l'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${direction === 'col' ? 'l' : 'b'}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
