import { columnLetters, parseA1 } from '../../../models/a1';
import { streamXml, type StreamTag } from './xmlStream';

/**
 * A worksheet body read as a stream of cells, never as a tree and never whole when the reader needs only its
 * top rows. Rows and cells without an `r` attribute (valid, and written by some tools) follow the previous one.
 */

export interface SheetCell {
  row: number;
  column: number;
  address: string;
  /** The `t` attribute: `s`, `str`, `inlineStr`, `b`, `e`, `n`, or none. */
  type: string | undefined;
  /** Text of `<v>`, if any. */
  value: string | undefined;
  /** Text of an inline string (`<is>`), runs joined. */
  inline: string | undefined;
  /** The `s` attribute: the cell's format in styles.xml's cellXfs (0, the default, when absent). */
  style: number;
}

export interface SheetScan {
  /** The `<dimension ref>` the sheet declares, if any. */
  dimension: string | undefined;
}

/** Calls `onCell` for every cell in order; stops once a row past `untilRow` starts. */
export function scanCells(xml: string, onCell: (cell: SheetCell) => void, untilRow = Infinity): SheetScan {
  const scan: SheetScan = { dimension: undefined };
  const path: string[] = [];
  let row = 0;
  let column = 0;
  let cell: SheetCell | undefined;
  let into: 'value' | 'inline' | undefined;
  let stopped = false;
  streamXml(
    xml,
    {
      open: (tag: StreamTag) => {
        const parent = path[path.length - 1];
        path.push(tag.local);
        if (stopped) return;
        const r = tag.attributes.r;
        if (tag.local === 'dimension' && parent === 'worksheet') scan.dimension = tag.attributes.ref;
        else if (tag.local === 'row' && parent === 'sheetData') {
          row = r !== undefined && /^[1-9][0-9]*$/.test(r) ? Number(r) : row + 1;
          column = 0;
          if (row > untilRow) stopped = true;
        } else if (tag.local === 'c' && parent === 'row') {
          column = r !== undefined ? columnOf(r, column) : column + 1;
          cell = {
            row,
            column,
            address: `${columnLetters(column)}${row}`,
            type: tag.attributes.t,
            value: undefined,
            inline: undefined,
            style: Number(tag.attributes.s ?? 0) || 0,
          };
        } else if (cell && tag.local === 'v' && parent === 'c') {
          into = 'value';
          cell.value = '';
        } else if (
          cell &&
          tag.local === 't' &&
          (parent === 'is' || (parent === 'r' && path[path.length - 3] === 'is'))
        ) {
          into = 'inline';
          cell.inline ??= '';
        }
      },
      text: (text) => {
        if (!cell || stopped) return;
        if (into === 'value') cell.value += text;
        else if (into === 'inline') cell.inline += text;
      },
      close: (tag: StreamTag) => {
        path.pop();
        if (tag.local === 'v' || tag.local === 't') into = undefined;
        if (tag.local === 'c' && cell) {
          if (!stopped) onCell(cell);
          cell = undefined;
        }
      },
    },
    () => stopped,
  );
  return scan;
}

function columnOf(address: string, previous: number): number {
  try {
    return parseA1(address).column;
  } catch {
    return previous + 1;
  }
}
