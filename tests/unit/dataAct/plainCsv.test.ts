import { parse } from 'csv-parse/sync';
import { Random } from '../../../bench/random';
import { parsePlainCsv } from '../../../server/csv/plainCsv';

/**
 * The fast CSV reader must read every file it accepts exactly as csv-parse does with the intake's options, and
 * give up (null) on what csv-parse's relaxed rules treat specially, so that the intake falls back to csv-parse.
 */

const OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true } as const;
const SEED = 20261203;

const fast = (text: string) => parsePlainCsv(text, (record) => record);
const reference = (text: string) => parse(text, OPTIONS) as string[][];

describe('parsePlainCsv', () => {
  it.each([
    ['bare fields, LF', 'a,b\nc,d\n'],
    ['no final line end', 'a,b\nc,d'],
    ['CRLF', 'a,b\r\nc,d\r\n'],
    ['a byte-order mark', '\ufeffa,b\n1,2\n'],
    ['a blank line, kept as one empty field', 'a,b\n\nc,d\n'],
    ['blank lines at the end', 'a,b\nc,d\n\n\n'],
    ['empty fields and a comma ending the file', 'a,b\n,\nx,'],
    ['quoted commas, doubled quotes, an empty quoted field', 'a,b\n"x,y",z\n"say ""hi""",""\n'],
    ['a quoted line break in a CRLF file', 'a,b\r\nc,"d\r\ne"\r\n'],
    ['rows of different lengths', 'a,b,c\n1\n1,2,3,4\n'],
  ])('Given %s, then the same records as csv-parse', (_, text) => {
    expect(fast(text)).toEqual(reference(text));
  });

  it.each([
    ['a quote inside a bare field', 'a,b\nx"y,z\n'],
    ['text after a closing quote', 'a,b\n"x" ,z\n'],
    ['a quote never closed', 'a,b\n"x,z\n'],
    ['CR line ends', 'a,b\rc,d\r'],
    ['a bare CR in an LF file', 'a,b\nc\rd,e\n'],
    ['line ends that change', 'a,b\r\nc,d\ne,f\n'],
  ])('Given %s, then it leaves the file to csv-parse', (_, text) => {
    expect(fast(text)).toBeNull();
  });

  it('Given the record count csv-parse reports, then the same count per record (error messages name it)', () => {
    const counts: number[] = [];
    parsePlainCsv('h\n"a\nb"\n\nc\n', (_, context) => counts.push(context.records));
    expect(counts).toEqual([1, 2, 3, 4]);
  });

  it(`Given 3,000 random texts from CSV's special characters (seed ${SEED}), then every one it reads, it reads as csv-parse does`, () => {
    console.log(`plainCsv fuzz: seed ${SEED}`);
    const random = new Random(SEED);
    const alphabet = ['a', '1', ' ', ',', ',', '"', '"', '\n', '\n', '\r\n', '\r', '\ufeff'];
    let read = 0;
    for (let n = 0; n < 3_000; n++) {
      const text = Array.from({ length: random.int(0, 24) }, () => random.pick(alphabet)).join('');
      const got = fast(text);
      if (got === null) continue;
      read++;
      expect({ text, records: got }).toEqual({ text, records: reference(text) });
    }
    // The fuzz must exercise the fast path, not only its refusals.
    expect(read).toBeGreaterThan(500);
  });
});
