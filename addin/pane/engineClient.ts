import {
  CrosswalkResponse,
  Problem,
  ValidateResponse,
  WorkbookJsonResponse,
  XLSX_MEDIA_TYPE,
  type Issue,
  type WorkbookGrids,
} from '../../models';

/**
 * The engine over HTTP (`/api/v1`). Every answer is parsed with the shared zod models before the pane uses
 * it; every failure becomes an EngineError whose message a budget officer can act on.
 */
export interface EngineClient {
  validate(grids: WorkbookGrids): Promise<ValidateResponse>;
  crosswalk(grids: WorkbookGrids): Promise<CrosswalkResponse>;
  /**
   * Runs the whole job on an .xlsx: summary, issues and the crosswalk workbook (base64). DATA Act File A and
   * File B CSVs go beside it as the form fields `fileA` and `fileB`; with them the workbook may be null.
   */
  workbook(bytes: ArrayBuffer | null, filename: string, csvs?: DataActFiles): Promise<WorkbookJsonResponse>;
}

/** The File A and File B CSVs a user picked, sent as they are. */
export interface DataActFiles {
  fileA?: File;
  fileB?: File;
}

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    message: string,
    /** A workbook-level problem the server reported as an issue (e.g. a damaged or password-protected file). */
    readonly issues: Issue[] = [],
    /** The problem in a few words ("Workbook cannot be read"), when the engine gave them apart from `message`. */
    readonly title: string | null = null,
  ) {
    super(message);
  }

  /** Issues that add something to the message: the engine repeats a refused file's one sentence as an issue. */
  get moreIssues(): Issue[] {
    return this.issues.filter((i) => i.message !== this.message || i.sheet !== '');
  }
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export function engineClient(
  root: string,
  fetchImpl: Fetch = (input, init) => fetch(input, init),
): EngineClient {
  const call = async <T>(path: string, init: RequestInit, parse: (body: unknown) => T): Promise<T> => {
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, root).href, init);
    } catch {
      throw new EngineError(
        `Cannot reach the Throughline engine at ${new URL(root).origin}. Check that it is running (npm start) and that the engine address in Settings is right.`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) throw problemError(response.status, body);
    try {
      return parse(body);
    } catch {
      throw new EngineError(
        `The engine at ${new URL(root).origin} answered with something Throughline does not understand. Is it the same version as this pane?`,
      );
    }
  };
  const json = (grids: WorkbookGrids): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ grids }),
  });
  return {
    validate: (grids) => call('validate', json(grids), (b) => ValidateResponse.parse(b)),
    crosswalk: (grids) => call('crosswalk', json(grids), (b) => CrosswalkResponse.parse(b)),
    workbook: (bytes, filename, csvs) =>
      call(
        `workbook?filename=${encodeURIComponent(filename)}`,
        csvs?.fileA || csvs?.fileB || bytes === null
          ? { method: 'POST', headers: { Accept: 'application/json' }, body: form(bytes, filename, csvs) }
          : {
              method: 'POST',
              headers: { 'Content-Type': XLSX_MEDIA_TYPE, Accept: 'application/json' },
              body: bytes,
            },
        (b) => WorkbookJsonResponse.parse(b),
      ),
  };
}

/** The multipart form of `/workbook`: the workbook (if any) as `file`, the CSVs as `fileA` and `fileB`. */
function form(bytes: ArrayBuffer | null, filename: string, csvs: DataActFiles = {}): FormData {
  const body = new FormData();
  if (bytes) body.append('file', new Blob([bytes], { type: XLSX_MEDIA_TYPE }), filename);
  if (csvs.fileA) body.append('fileA', csvs.fileA, csvs.fileA.name);
  if (csvs.fileB) body.append('fileB', csvs.fileB, csvs.fileB.name);
  return body;
}

function problemError(status: number, body: unknown): EngineError {
  const problem = Problem.safeParse(body);
  if (problem.success) {
    // Title and detail apart, so the pane says each once (the detail alone when it is all there is).
    const { title, detail, issues } = problem.data;
    return detail && detail !== title
      ? new EngineError(detail, issues ?? [], title)
      : new EngineError(title, issues ?? []);
  }
  if (status === 401)
    return new EngineError('The engine asks for an API key, which this pane does not send.');
  return new EngineError(`The engine could not do this (HTTP ${status}). Try again, or ask whoever runs it.`);
}

/** base64 → bytes, for the crosswalk workbook the engine returns. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
