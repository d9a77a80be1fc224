import { EnginePool } from '../../../server/workers/pool';
import { minimal } from '../../corpus/case';

/**
 * A JSON request's body goes to an engine worker by transfer: moved when it is the whole of its memory (the
 * server's request bodies are), copied when it is a view into memory others share. Either way the answer is
 * the same.
 */

jest.setTimeout(60_000);

describe('Given an engine pool answering JSON requests', () => {
  const pool = new EnginePool(1);
  const limits = { maxCells: 1_000_000, maxRows: 100_000 };
  const text = JSON.stringify({ grids: minimal() });
  afterAll(() => pool.close());

  const answer = async (body: Uint8Array) =>
    JSON.parse((await pool.answerJson('validate', body, undefined, limits)).toString('utf8')) as {
      ok: boolean;
      summary: unknown;
    };

  test('When the body spans its own memory, Then it is moved to the worker (empty here after) and answered', async () => {
    const body = new Uint8Array(Buffer.from(text));
    const owned = new Uint8Array(new ArrayBuffer(body.byteLength));
    owned.set(body);
    const result = await answer(owned);
    expect(owned.byteLength).toBe(0);
    expect(result).toEqual(await answer(Buffer.from(text)));
    expect(result.ok).toBe(true);
  });

  test('When a body already moved is passed again, Then it is refused at once, not left waiting for ever', async () => {
    const owned = new Uint8Array(Buffer.from(text)).slice();
    await answer(owned);
    expect(owned.byteLength).toBe(0);
    await expect(pool.answerJson('validate', owned, undefined, limits)).rejects.toThrow('detached');
    expect((await answer(Buffer.from(text))).ok).toBe(true);
  });

  test('When the body is a view into a larger buffer, Then it is copied: the shared memory is left as it was', async () => {
    const shared = new Uint8Array(text.length + 16);
    shared.set(Buffer.from(text), 8);
    const view = shared.subarray(8, 8 + text.length);
    const result = await answer(view);
    expect(view.byteLength).toBe(text.length);
    expect(Buffer.from(view).toString('utf8')).toBe(text);
    expect(result.ok).toBe(true);
  });
});
