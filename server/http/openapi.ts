import { z } from 'zod';
import {
  CrosswalkResponse,
  GridsRequest,
  HealthResponse,
  Issue,
  Problem,
  SHEET_BODY_ROWS,
  Summary,
  ValidateResponse,
  WorkbookGrids,
  WorkbookJsonResponse,
  XLSX_MEDIA_TYPE,
} from '../../models';
import { PROBLEM_MEDIA_TYPE } from './problems';

/**
 * The OpenAPI 3.1 document. Every schema in it is generated from the zod models with `z.toJSONSchema`, so the
 * document cannot drift from what the server accepts and returns; only the paths around them are written here.
 */

type JsonObject = Record<string, unknown>;

function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  const named = {
    GridsRequest,
    ValidateResponse,
    CrosswalkResponse,
    WorkbookJsonResponse,
    HealthResponse,
    Problem,
    WorkbookGrids,
    Summary,
    Issue,
  };
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  // OpenAPI 3.1 schemas are JSON Schema 2020-12 already; the per-schema `$schema` and `$id` are noise there.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ 'application/json': { schema: ref(id) } });

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem') } },
});

const commonErrors = {
  '401': problem(
    'An API key is required (the server has TL_API_KEYS set) and none, or a wrong one, was given.',
  ),
  '500': problem('Something went wrong on the server; the problem carries only a request id.'),
  '503': problem('The request took longer than the time limit, or the server is busy (see Retry-After).'),
};

const gridsErrors = {
  '400': problem(
    'Malformed JSON, a forbidden key (`__proto__`, `constructor.prototype`), or a body that does not match the schema; `errors` lists the first 20 places and `detail` says how many more there are.',
  ),
  '413': problem(
    "The body, or the number of tables (1,000), cells or rows in the grids, is over the server's limit; counted before the body is parsed.",
  ),
  '415': problem('The body is not sent as application/json.'),
  ...commonErrors,
};

const countHeader = (what: string) => ({
  description: `How many ${what} the workbook has.`,
  schema: { type: 'integer' },
});

export function openApiDocument(version: string): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Throughline engine',
      version,
      description:
        'Budget-to-results crosswalk: send a workbook (as grids, or as an .xlsx), get back the crosswalk, full cost, cost per outcome and every issue at its cell. A workbook with errors is a normal 200 result that carries its issues; 4xx answers mean the request itself could not be used. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{}, { bearer: [] }, { apiKey: [] }],
    paths: {
      '/health': {
        get: {
          summary: 'Is the server up?',
          security: [{}],
          responses: { '200': { description: 'The server is serving.', content: json('HealthResponse') } },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document.',
          security: [{}],
          responses: {
            '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': {} } },
          },
        },
      },
      '/validate': {
        post: {
          summary: 'Check a workbook: issues and summary, no output tables.',
          requestBody: { required: true, content: json('GridsRequest') },
          responses: {
            '200': {
              description: 'The workbook was checked; `ok` is false when it has errors.',
              content: json('ValidateResponse'),
            },
            ...gridsErrors,
          },
        },
      },
      '/crosswalk': {
        post: {
          summary: 'Run the crosswalk on grids: output tables, issues and summary.',
          parameters: [
            {
              name: 'tables',
              in: 'query',
              required: false,
              description:
                'Comma-separated output table names to return (the Issues table always comes); all of them when left out. For example `ResourcesByGoal,CostPerOutcome`.',
              schema: { type: 'string' },
            },
          ],
          requestBody: { required: true, content: json('GridsRequest') },
          responses: {
            '200': {
              description: 'The engine result; `tables` are the output tables ready for a writer.',
              content: json('CrosswalkResponse'),
            },
            ...gridsErrors,
          },
        },
      },
      '/workbook': {
        post: {
          summary: 'Run the crosswalk on an .xlsx; get the crosswalk workbook back.',
          description:
            'Send the workbook as the body (Content-Type ' +
            XLSX_MEDIA_TYPE +
            " or application/octet-stream; `?filename=` names it) or as the form field `file` of a multipart form. The form may also carry DATA Act File A and File B CSVs (the broker's files or USAspending's downloads) as `fileA` and `fileB`, read as if pasted at A1 of sheets named File A and File B (a finding at `File B!A17` is line 17 of the CSV); with them the workbook is optional. The answer is the input workbook with the output sheets added, exactly as the command line writes it (a new workbook of the output sheets when only CSVs were sent); with `Accept: application/json` it is a JSON summary with the workbook in base64. A table too long for its sheet (CrosswalkDetail past Excel's 1,048,573 rows below the header, or `maxDetailRows`) is never cut short: its sheet holds the header and a note with its row count; with `?csv=true` the answer is a zip of the workbook and that table as `<name>-crosswalk-<Table>.csv`, the file the note names.",
          parameters: [
            {
              name: 'filename',
              in: 'query',
              required: false,
              description:
                "The workbook's file name, for a raw body; the answer is named `<name>-crosswalk.xlsx`.",
              schema: { type: 'string', maxLength: 255 },
            },
            {
              name: 'csv',
              in: 'query',
              required: false,
              description:
                'true: answer application/zip (`<name>-crosswalk.zip`, whatever Accept asks) holding `<name>-crosswalk.xlsx` and, for each table too long for its sheet, `<name>-crosswalk-<Table>.csv` (as the command line writes it beside the workbook). Absent or false: the workbook alone, its note saying no CSV was asked for. Anything else is a 400.',
              schema: { type: 'string', enum: ['true', 'false'] },
            },
            {
              name: 'maxDetailRows',
              in: 'query',
              required: false,
              description:
                'The most CrosswalkDetail rows its sheet may hold (most: 1,048,573, the rows of a sheet below its header; default: 100,000 with `csv=true`, as the command line, else 1,048,573); past it the sheet holds a note instead. Not a whole number in range: 400.',
              schema: { type: 'integer', minimum: 1, maximum: SHEET_BODY_ROWS },
            },
          ],
          requestBody: {
            required: true,
            content: {
              [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
              'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: {
                    file: { type: 'string', format: 'binary', description: 'The .xlsx workbook.' },
                    fileA: {
                      type: 'string',
                      format: 'binary',
                      description:
                        'DATA Act File A as a CSV. Refused (409) if the workbook already has File A rows.',
                    },
                    fileB: {
                      type: 'string',
                      format: 'binary',
                      description:
                        'DATA Act File B as a CSV. Refused (409) if the workbook already has File B rows.',
                    },
                  },
                  description: 'At least one of file, fileA and fileB; each up to the upload size limit.',
                },
              },
            },
          },
          responses: {
            '200': {
              description:
                'The crosswalk workbook (or, with Accept: application/json, its summary and the workbook in base64; with ?csv=true, a zip of the workbook and its oversized tables as CSV).',
              headers: {
                'Content-Disposition': {
                  description:
                    'attachment; filename="<name>-crosswalk.xlsx", plus filename*=UTF-8\'\'<name, percent-encoded> when the name is not plain ASCII (filename then holds an ASCII fallback).',
                  schema: { type: 'string' },
                },
                'X-Throughline-Errors': countHeader('errors'),
                'X-Throughline-Warnings': countHeader('warnings'),
              },
              content: {
                [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
                'application/zip': { schema: { type: 'string', format: 'binary' } },
                ...json('WorkbookJsonResponse'),
              },
            },
            '400': problem(
              'No file, an empty file, a malformed multipart form, or a csv or maxDetailRows that is not one of its values.',
            ),
            '409': problem(
              '`data-act-conflict`: a File A or File B CSV was sent with a workbook that already has rows in that table.',
            ),
            '413': problem(
              'The upload (or a CSV, `csv-too-large`) is over the size limit, has too many cells, or unpacks to too much (a zip bomb).',
            ),
            '415': problem(
              'The upload is not an .xlsx workbook (a CSV, an .xls, an .xlsb, another file), or is sent with another Content-Type.',
            ),
            '422': problem(
              'The .xlsx is damaged or password-protected, or one of its tables has a name the output needs; or a CSV cannot be read (`unreadable-csv`: the detail names the file and line).',
            ),
            ...commonErrors,
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Required when the server has TL_API_KEYS set.',
        },
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'The same keys, as a header.',
        },
      },
    },
  };
}
