import { Random } from '../../../bench/random';
import { TextInterner } from '../../../server/xlsx/package/textInterner';

/** `text` written inside other bytes, as a sheet holds it, and read back through `run`. */
function runOf(interner: TextInterner, text: string): string | undefined {
  const bytes = Buffer.from(`<v>${text}</v>`, 'utf8');
  return interner.run(bytes, 3, bytes.length - 4);
}

describe('TextInterner', () => {
  it('Given the same plain run twice, When read by its bytes, Then both give one string, equal to the text', () => {
    const interner = new TextInterner();
    const first = runOf(interner, 'Budget Authority');
    const second = runOf(interner, 'Budget Authority');

    expect(first).toBe('Budget Authority');
    expect(second).toBe(first);
    expect(interner.text('Budget Authority')).toBe(first);
  });

  it.each(['a&amp;b', 'tab\there', 'line\nbreak', 'é', 'x'.repeat(65)])(
    'Given %j (an entity, a control character, non-ASCII or a long text), When read by its bytes, Then it is left to the decoder',
    (text) => {
      expect(runOf(new TextInterner(), text)).toBeUndefined();
    },
  );

  it('Given many distinct runs (fixed seed), so that slots collide, When each is read twice, Then every answer is its own text', () => {
    const seed = 77;
    console.log(`interner seed: ${seed}`);
    const r = new Random(seed);
    const interner = new TextInterner();
    const texts = Array.from({ length: 20_000 }, (_, i) => `Account ${i} ${r.int(0, 1e6)}`);
    const wrong = [...texts, ...texts].filter((text) => runOf(interner, text) !== text);

    expect(wrong).toEqual([]);
  });

  it('Given limits, When texts arrive past them, Then they are returned as given but no longer kept', () => {
    const interner = new TextInterner(10, 2);

    expect(interner.text('x'.repeat(11))).toBe('x'.repeat(11));
    expect(interner.size).toBe(0);
    ['a', 'b', 'c', 'a'].forEach((text) => expect(interner.text(text)).toBe(text));
    expect(interner.size).toBe(2);
  });
});
