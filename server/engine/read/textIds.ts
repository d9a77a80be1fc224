import { cellText } from './cells';
import { grown } from './growable';

/**
 * Cell texts by id, for reading a large table's identity columns: each distinct text as read (`cellText`) gets
 * an id, 0 being the empty text, and each id a fold id shared by all texts equal but for case. Keyed by the
 * cell's own string, so a text seen before costs one Map lookup, with no cleaning, no case folding and no
 * garbage; rows are then matched by comparing small integers.
 */
export class TextIds {
  /** The text of each id, as `cellText` reads it. */
  readonly text: string[] = [''];
  /** The fold id of each id: texts equal ignoring case share one. */
  fold = new Int32Array(64);
  private readonly byCell = new Map<string, number>([['', 0]]);
  private readonly byFolded = new Map<string, number>([['', 0]]);

  /** How many fold ids there are (each is below this). */
  get foldCount(): number {
    return this.byFolded.size;
  }
  /** By grid column: the last cell string looked up there and its id (a column repeats a text row after row). */
  private readonly lastCell: (string | null)[] = [];
  private readonly lastId: number[] = [];

  /** `idOf` for a cell in grid column `column`, remembering the column's last text. */
  idAt(column: number, cell: string): number {
    if (this.lastCell[column] === cell) return this.lastId[column] as number;
    const id = this.idOf(cell);
    this.lastCell[column] = cell;
    this.lastId[column] = id;
    return id;
  }

  /** The id of a cell's string: raw (cleaned here on first sight), or a text already read. */
  idOf(cell: string): number {
    const id = this.byCell.get(cell);
    if (id !== undefined) return id;
    const text = cellText(cell);
    const textId = text === cell ? this.add(text) : this.idOf(text);
    this.byCell.set(cell, textId);
    return textId;
  }

  private add(text: string): number {
    const id = this.text.length;
    this.text.push(text);
    if (id >= this.fold.length) this.fold = grown(this.fold, id + 1);
    const folded = text.toUpperCase();
    let foldId = this.byFolded.get(folded);
    if (foldId === undefined) {
      foldId = this.byFolded.size;
      this.byFolded.set(folded, foldId);
    }
    this.fold[id] = foldId;
    return id;
  }
}
