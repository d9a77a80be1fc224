import { esc, setAttr } from './xml';

export const BLANK_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';

/**
 * The workbook's shared strings with the output text appended (each distinct text once). Existing entries keep
 * their indexes, so input sheets that refer to them are untouched. Text is stored here, never in a formula, so
 * `=HYPERLINK(…)` from a workbook stays inert text.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly existing: number;
  private references = 0;

  constructor(private readonly xml: string) {
    this.existing = (xml.match(/<si>|<si\s/g) ?? []).length;
  }

  id(text: string): number {
    this.references += 1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.index.set(text, i);
      this.added.push(`<si><t xml:space="preserve">${esc(text)}</t></si>`);
    }
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The part as chunks (a large output has many megabytes of text: no single giant string). */
  toChunks(): Buffer[] {
    const total = this.existing + this.added.length;
    const countMatch = /<sst\b[^>]*\bcount="(\d+)"/.exec(this.xml);
    let head = setAttr(this.xml, 'sst', 'uniqueCount', String(total));
    head = setAttr(head, 'sst', 'count', String(Number(countMatch?.[1] ?? this.existing) + this.references));
    const close = head.lastIndexOf('</sst>');
    const chunks = [Buffer.from(close >= 0 ? head.slice(0, close) : head.replace(/\/>\s*$/, '>'))];
    for (let i = 0; i < this.added.length; i += 10_000)
      chunks.push(Buffer.from(this.added.slice(i, i + 10_000).join('')));
    chunks.push(Buffer.from('</sst>'));
    return chunks;
  }
}
