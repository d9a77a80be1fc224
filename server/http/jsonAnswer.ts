import type { ValidateResponse } from '../../models';
import { type EngineAnswer, runEngine, runEngineAs } from '../engine';
import { jsonTables } from '../engine/tables/jsonTable';
import { JsonWriter } from '../engine/tables/jsonWriter';
import { copyInto } from '../workers/sharedBytes';
import { gridsOfBody } from './gridJson';
import { checkGridBodySize, type GridBodyLimits } from './limits';

/** The JSON endpoints whose whole answer is computed in an engine worker. */
export type JsonRoute = 'validate' | 'crosswalk';

/**
 * A JSON endpoint's whole answer, from the request's bytes to the response's: tables, rows and cells counted
 * from the bytes (a 413 problem past the limits, before anything is parsed), the grids read straight from the
 * bytes (`gridJson.ts`) or, when that reader defers, parsed (prototype keys refused) and checked against the
 * models (a 400 problem listing the first bad cells), run the engine, serialise. Runs in an
 * engine worker, so neither counting nor parsing a large body, nor serialising a large answer, ever holds the
 * server's thread (counting a 100,000-line body's 13 MB takes about 60 ms, which `/health` would wait for);
 * the bytes travel between threads by transfer, not by a structured clone of every cell.
 */
export function answerJson(
  route: JsonRoute,
  body: Uint8Array,
  tables: readonly string[] | undefined,
  limits: GridBodyLimits,
  into?: Uint8Array,
): Buffer {
  checkGridBodySize(body, limits);
  const grids = gridsOfBody(body);
  if (route === 'validate') {
    // Issues and the summary only: no output table is shaped.
    const result = runEngine(grids, { tables: [] });
    const answer: ValidateResponse = { ok: result.ok, issues: result.issues, summary: result.summary };
    return joined([Buffer.from(JSON.stringify(answer))], into);
  }
  const out = answerWriter();
  try {
    return joined(jsonParts(runEngineAs(grids, tables ? { tables } : {}, jsonTables(out))), into);
  } finally {
    out.clear();
    if (out.capacity > KEPT_WRITER_BYTES) writer = undefined;
  }
}

/**
 * One writer for the answers of this thread, one after another (an engine worker answers one request at a time,
 * and `answerJson` copies its answer out, then wipes the writer, before it returns): a 5,000-line answer is
 * about 3 MB, and a writer made for each request would zero-fill and copy its way up to 4 MB every time.
 */
let writer: JsonWriter | undefined;
/** A writer grown past this for a very large answer is let go rather than held for ever. */
const KEPT_WRITER_BYTES = 32 << 20;

function answerWriter(): JsonWriter {
  writer ??= new JsonWriter();
  return writer;
}

/**
 * `JSON.stringify` of the engine's answer as UTF-8, given each table's JSON bytes (`jsonTables`): the big
 * tables are written straight into bytes, the others stringified a table at a time. A single character beyond
 * Latin-1 anywhere (the Summary's apostrophe, a dash in a title) makes V8 build a whole text two bytes a
 * character, and encoding that to UTF-8 then costs half as much again as the stringifying; a table at a time,
 * only a table holding such a character pays.
 */
function jsonParts(answer: EngineAnswer<Uint8Array>): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let before = '{';
  for (const [key, value] of Object.entries(answer)) {
    // JSON.stringify leaves out a field that is undefined (an answer holds no functions or symbols).
    if (value === undefined) continue;
    const field = `${before}${JSON.stringify(key)}:`;
    before = ',';
    if (key !== 'tables') {
      parts.push(Buffer.from(field + JSON.stringify(value)));
      continue;
    }
    parts.push(Buffer.from(`${field}[`));
    answer.tables.forEach((table, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(table);
    });
    parts.push(Buffer.from(']'));
  }
  parts.push(Buffer.from('}'));
  return parts;
}

/** The parts end to end: at the start of `into` when they fit there (a view of it), else in a buffer of their own. */
function joined(parts: readonly Uint8Array[], into: Uint8Array | undefined): Buffer {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  if (!into || length > into.byteLength) {
    const [only] = parts;
    return parts.length === 1 && Buffer.isBuffer(only) ? only : Buffer.concat(parts);
  }
  let at = 0;
  for (const part of parts) {
    // Into shared memory at any alignment (`copyInto`): a table's bytes start wherever the one before ended.
    copyInto(into, part, at);
    at += part.byteLength;
  }
  return Buffer.from(into.buffer, into.byteOffset, length);
}

const COMMA = Buffer.from(',');
