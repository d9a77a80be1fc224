import { UnreadableWorkbookError } from '../errors';
import { scanSharedStrings } from '../package/sharedStrings';
import { startTag, type XmlElement } from '../package/xmlTree';
import { esc, xmlText } from './xml';

export const BLANK_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="0"></sst>';

/**
 * The workbook's shared strings with the output text added. Existing entries keep their indexes (input sheets
 * refer to them by position; an empty `<si/>` is an entry like any other), and an existing entry that is exactly
 * an output's text is reused, so a re-run on the tool's own output adds nothing. Text is stored here, never in a
 * formula, so `=HYPERLINK(…)` from a workbook stays inert text.
 */
export class SharedStrings {
  private readonly index: Map<string, number>;
  private readonly added: string[] = [];
  private readonly existing: number;
  private readonly root: XmlElement;
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    try {
      const scan = scanSharedStrings(xml, { plain: true });
      this.index = scan.plain;
      this.existing = scan.count;
      this.root = scan.root;
    } catch (cause) {
      throw new UnreadableWorkbookError('damaged', { cause });
    }
    const colon = this.root.name.indexOf(':');
    this.prefix = colon < 0 ? '' : this.root.name.slice(0, colon + 1);
  }

  id(text: string): number {
    // Keyed by what the entry will hold (XML cannot hold some characters), so a re-run finds it again. Text
    // found as it is needs no cleaning: no key holds a character XML cannot hold.
    const found = this.index.get(text);
    if (found !== undefined) return found;
    const held = xmlText(text);
    let i = this.index.get(held);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.index.set(held, i);
      const p = this.prefix;
      this.added.push(`<${p}si><${p}t xml:space="preserve">${esc(text)}</${p}t></${p}si>`);
    }
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /**
   * The part as chunks (a large output has many megabytes of text: no single giant string): the input's own
   * text up to its end tag, byte for byte, then the new entries. `uniqueCount` is the new number of entries;
   * `count` (references from every sheet, which would take reading them all to know) is left out: it is
   * optional, and a stale one is worse than none.
   */
  toChunks(): Buffer[] {
    const { start, end, selfClosing } = rootStartTag(this.xml);
    const root: XmlElement = {
      ...this.root,
      attributes: this.root.attributes
        .filter((a) => !(a.uri === '' && (a.local === 'count' || a.local === 'uniqueCount')))
        .concat([
          {
            name: 'uniqueCount',
            local: 'uniqueCount',
            uri: '',
            value: String(this.existing + this.added.length),
          },
        ]),
    };
    const close = `</${this.root.name}>`;
    const body = selfClosing ? '' : this.xml.slice(end, this.xml.lastIndexOf(close));
    const chunks = [Buffer.from(this.xml.slice(0, start) + startTag(root) + body)];
    for (let i = 0; i < this.added.length; i += 10_000)
      chunks.push(Buffer.from(this.added.slice(i, i + 10_000).join('')));
    chunks.push(Buffer.from(close));
    return chunks;
  }
}

/**
 * Where the root element's start tag is in a part the parser has already accepted: past the XML declaration,
 * comments and processing instructions, up to the `>` that is not inside a quoted attribute value.
 */
function rootStartTag(xml: string): { start: number; end: number; selfClosing: boolean } {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < xml.length && ' \t\r\n'.includes(xml[i] as string)) i++;
    if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) + 2;
    else if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) + 3;
    else break;
  }
  const start = i;
  let quote = '';
  for (; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return { start, end: i + 1, selfClosing: xml[i - 1] === '/' };
  }
  throw new UnreadableWorkbookError('damaged');
}
