/**
 * A fast reader for the well-formed CSVs the broker and USAspending write: comma-separated, LF or CRLF line
 * ends, fields either bare or wholly quoted (`"a, b"`, `"say ""hi"""`, a quoted line break). On 200,000 File B
 * rows csv-parse took about 4 s of CPU, most of it bookkeeping for options Throughline never sets; this takes a
 * small fraction of that.
 *
 * It reads exactly as csv-parse does with `{ bom: true, relax_column_count: true, relax_quotes: true }` for
 * every file it accepts (a blank line is one empty field; a final line end adds no record), and gives up
 * (null) on anything those relaxed rules treat specially: a quote inside a bare field, text after a closing
 * quote, a quote never closed, a bare CR, or line ends that change within the file. The caller then reads the
 * file with csv-parse, so odd files keep csv-parse's exact reading and its error messages.
 */

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;
const EOF = -1;

/** What the record callback is told: the count of records read so far, this one included (csv-parse's). */
export interface RecordContext {
  records: number;
}

/**
 * Reads `text` record by record, handing each to `onRecord` as it is read (so a large file's field texts are
 * never all in memory at once); keeps what it returns, skipping null. Null when the file needs csv-parse.
 */
export function parsePlainCsv<T>(
  text: string,
  onRecord: (record: string[], context: RecordContext) => T | null,
): T[] | null {
  const out: T[] = [];
  const end = text.length;
  const context: RecordContext = { records: 0 };
  let pos = text.charCodeAt(0) === BOM ? 1 : 0;
  /** The file's line end, set by its first record: undefined until then. */
  let crlf: boolean | undefined;
  let record: string[] = [];
  while (pos < end) {
    const field = text.charCodeAt(pos) === QUOTE ? quotedField(text, pos) : bareField(text, pos);
    if (field === null) return null;
    record.push(field.value);
    pos = field.next;
    const c = pos < end ? text.charCodeAt(pos) : EOF;
    if (c === COMMA) {
      pos++;
      // A comma ending the file leaves one last, empty field.
      if (pos === end) record.push('');
      else continue;
    } else if (c === LF) {
      if (crlf === true) return null;
      crlf = false;
      pos++;
    } else if (c === CR) {
      if (text.charCodeAt(pos + 1) !== LF || crlf === false) return null;
      crlf = true;
      pos += 2;
    }
    context.records++;
    const kept = onRecord(record, context);
    if (kept !== null) out.push(kept);
    record = [];
  }
  return out;
}

interface Field {
  value: string;
  /** Where the character after the field is: a comma, a line end or the end of the text. */
  next: number;
}

/** A bare field up to the next comma or line end; null if it holds a quote (csv-parse's relaxed case). */
function bareField(text: string, from: number): Field | null {
  const end = text.length;
  let i = from;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) break;
    if (c === QUOTE) return null;
  }
  return { value: text.slice(from, i), next: i };
}

/** A quoted field from its opening quote; null if it is never closed or something follows its closing quote. */
function quotedField(text: string, open: number): Field | null {
  let value = '';
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return null;
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += text.slice(from, quote + 1);
      from = quote + 2;
      continue;
    }
    value += text.slice(from, quote);
    const next = quote + 1;
    const c = next < text.length ? text.charCodeAt(next) : EOF;
    return c === COMMA || c === LF || c === CR || c === EOF ? { value, next } : null;
  }
}
