import { generateWorkbook } from '../../../bench/generate';
import type { CrosswalkResponse } from '../../../models';
import { runEngine } from '../../../server/engine';
import { jsonBytes } from '../../../server/http/jsonAnswer';

/**
 * The crosswalk answer is serialised a table at a time (so one character beyond Latin-1 does not make the
 * whole text two bytes a character); the bytes must be exactly those of `JSON.stringify` of the whole answer.
 */
describe('Given an engine answer', () => {
  const answer: CrosswalkResponse = runEngine(generateWorkbook(300, { seed: 20261302 }).grids);

  test('When serialised a table at a time, Then the bytes are those of JSON.stringify of the whole', () => {
    expect(answer.tables.length).toBeGreaterThan(3);
    expect(jsonBytes(answer).equals(Buffer.from(JSON.stringify(answer)))).toBe(true);
  });

  test('When tables hold text beyond Latin-1 and a field is undefined, Then the bytes are still the same', () => {
    const [first, ...rest] = answer.tables;
    const accented = { ...first!, title: 'Résumé – ’quoted’ 🧾', rows: [['naïve 𝄞', 1.5, null, true]] };
    const odd = { ...answer, tables: [...rest, accented], extra: undefined } as CrosswalkResponse;
    const bytes = jsonBytes(odd);
    expect(bytes.equals(Buffer.from(JSON.stringify(odd)))).toBe(true);
    expect(JSON.parse(bytes.toString('utf8')).tables.at(-1).title).toBe('Résumé – ’quoted’ 🧾');
  });

  test('When there are no tables, Then the answer is still whole JSON', () => {
    const none = { ...answer, tables: [] };
    expect(jsonBytes(none).toString('utf8')).toBe(JSON.stringify(none));
  });
});
