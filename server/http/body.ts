import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import secureJson from 'secure-json-parse';
import { XLSX_MEDIA_TYPE } from '../../models';
import type { DataActCsvs } from '../csv';
import { HttpProblem, problems } from './problems';
import { type BodyMemory, rawBytes } from './rawBody';

/**
 * Reading request bodies: JSON that cannot be used for prototype pollution, and an .xlsx upload either as
 * the raw body or as a multipart form field. Both stop reading at their size limit.
 */

/** A JSON body's bytes, size-checked but not yet parsed: an engine worker parses it (see `parseJson`). */
export interface JsonLocals {
  jsonBytes: Buffer;
}

/**
 * The uploaded workbook and the name it came with (the file's name without its extension), and any DATA Act
 * File A / File B CSVs sent beside it. `bytes` is null when only CSVs came: the output is then a new workbook.
 */
export interface UploadLocals {
  upload: { bytes: Buffer | null; name: string; csvs?: DataActCsvs };
}

/** The multipart form's file fields: the workbook, and the two CSVs a budget officer may send with (or without) it. */
const FORM_FILES = ['file', 'fileA', 'fileB'] as const;

const JSON_TYPES = ['application/json'];

/**
 * Reads the body as bytes (up to `limit`). The bytes are not counted or parsed here: counting, parsing,
 * checking and answering a large body is CPU work, done in an engine worker (`jsonAnswer.ts`), so the
 * server's own thread stays free. `memory` gives the body's buffer (see `rawBytes`).
 */
export function jsonBody(limit: number, memory?: BodyMemory): RequestHandler[] {
  return [
    requireMediaType(JSON_TYPES, ['application/json']),
    rawBytes(limit, memory),
    (req, res, next) => {
      const bytes: unknown = req.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0)
        return next(new HttpProblem(problems.malformedJson(true)));
      (res.locals as JsonLocals).jsonBytes = bytes;
      next();
    },
  ];
}

/**
 * Parses a JSON body with JSON.parse and refuses any `__proto__` or `constructor.prototype` key, whatever its
 * depth, before any code sees the object. Throws the 400 problem a client should get.
 */
export function parseJson(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpProblem(problems.malformedJson(false));
  }
  if (!mayHoldForbiddenKey(text)) return parsed;
  try {
    secureJson.scan(parsed as object, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    throw new HttpProblem(problems.forbiddenKey());
  }
  return parsed;
}

/**
 * False only when no key of the text can be `__proto__` or `constructor`: neither word is there, and no `\u`
 * escape could spell one. Walking every object of a large body for keys that cannot be there is most of the
 * cost of the check (secure-json-parse's own `parse` skips its walk the same way, by a test of the text).
 */
function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
}

const RAW_TYPES = [XLSX_MEDIA_TYPE, 'application/octet-stream'];
const UPLOAD_TYPES = [...RAW_TYPES, 'multipart/form-data'];

/**
 * An .xlsx as the raw body (`?filename=` names it) or as the form field `file` of a multipart form, which may
 * also carry File A and File B CSVs as `fileA` and `fileB` (each up to the same size limit), or only those.
 * Uploads are held in memory: the workbook is read into memory anyway, and nothing is ever written to disk.
 */
export function uploadBody(limit: number): RequestHandler[] {
  const raw = rawBytes(limit);
  const form = multer({
    storage: multer.memoryStorage(),
    // Browsers send a form file's name as UTF-8 bytes with no charset; read as Latin-1, "é" would become "Ã©".
    defParamCharset: 'utf8',
    limits: { fileSize: limit, files: 3, fields: 8, fieldSize: 1024, parts: 12, headerPairs: 100 },
  }).fields(FORM_FILES.map((name) => ({ name, maxCount: 1 })));
  return [
    requireMediaType(UPLOAD_TYPES, [`${XLSX_MEDIA_TYPE} (the workbook as the body)`, 'multipart/form-data']),
    (req, res, next) => {
      if (req.is('multipart/form-data')) {
        form(req, res, (err: unknown) => {
          // multer's own errors say which limit was hit; anything else is the form itself being malformed.
          if (err instanceof multer.MulterError) return next(err);
          if (err)
            return next(
              new HttpProblem(problems.badRequest('The multipart form is malformed or incomplete.')),
            );
          const files = (req.files ?? {}) as Partial<
            Record<(typeof FORM_FILES)[number], Express.Multer.File[]>
          >;
          const [workbook] = files.file ?? [];
          const [fileA] = files.fileA ?? [];
          const [fileB] = files.fileB ?? [];
          if (!workbook && !fileA && !fileB) return next(new HttpProblem(problems.missingFile()));
          const csvs: DataActCsvs = {};
          if (fileA) csvs.fileA = { name: csvName(fileA.originalname, 'fileA'), bytes: fileA.buffer };
          if (fileB) csvs.fileB = { name: csvName(fileB.originalname, 'fileB'), bytes: fileB.buffer };
          const named = workbook ?? fileB ?? fileA;
          (res.locals as UploadLocals).upload = {
            bytes: workbook ? workbook.buffer : null,
            name: workbookBaseName(named?.originalname ?? ''),
            ...(fileA || fileB ? { csvs } : {}),
          };
          next();
        });
        return;
      }
      raw(req, res, (err: unknown) => {
        if (err) return next(err);
        const bytes: unknown = req.body;
        (res.locals as UploadLocals).upload = {
          bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.alloc(0),
          name: workbookBaseName(typeof req.query.filename === 'string' ? req.query.filename : ''),
        };
        next();
      });
    },
  ];
}

/** A CSV's name for messages: made safe as a workbook's is, `.csv` kept; the field's name when nothing is left. */
function csvName(original: string, field: string): string {
  const base = workbookBaseName(original);
  return base === 'workbook' ? field : `${base}.csv`;
}

function requireMediaType(accepted: string[], described: string[]): RequestHandler {
  return (req: Request, _res, next) => {
    // No body at all is left to the parser, which says what is missing.
    const type = req.is(accepted);
    if (type !== false) return next();
    next(new HttpProblem(problems.unsupportedMediaType(req.headers['content-type'], described)));
  };
}

/**
 * The uploaded file's name, made safe to send back in a header and to save under: no folders, no extension,
 * only letters and digits of any script, spaces and `._-()` (anything else, controls and bidi overrides
 * included, becomes `_`), at most 100 characters; `workbook` when nothing is left. `download.ts` carries a
 * name beyond ASCII in the header's `filename*`.
 */
export function workbookBaseName(original: string): string {
  const file = original.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const base = Array.from(
    file
      .replace(/\.(xlsx|xlsm|xls|csv)$/i, '')
      .replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, '_')
      .replace(/^[\s.]+|[\s.]+$/g, ''),
  )
    .slice(0, 100)
    .join('');
  return base === '' ? 'workbook' : base;
}
