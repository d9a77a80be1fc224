import { columnLetters as letters, parseA1 } from '../../../models/a1';

/** A1 addresses for the reader, whose column indexes are 0-based grid positions. */

export function columnLetters(index: number): string {
  return letters(index + 1);
}

export function parseAddress(a1: string): { col: number; row: number } {
  const { column, row } = parseA1(a1);
  return { col: column - 1, row };
}

export function address(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}
