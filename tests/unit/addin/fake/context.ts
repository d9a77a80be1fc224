import { FakeExcelError, type FakeWorkbookState } from './state';

/**
 * The request-context half of the fake: actions are queued, not done, until `sync()`; then the request's
 * payload is measured, refused over Excel on the web's 5 MB like Excel refuses it, and the actions run in
 * order. Properties loaded in that request become readable only once it has come back.
 */

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one action costs on the wire besides its arguments (object path, ids, names), as a fair guess. */
export const WIRE_ACTION_BYTES = 100;

const encoder = new TextEncoder();
export const wireBytes = (value: unknown): number => encoder.encode(JSON.stringify(value ?? null)).length;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** Why it failed, if it did. */
  error?: string;
}

interface Action {
  bytes: number;
  /** Does the action; a load returns the values it read, applied only when the whole request succeeds. */
  run: () => { responseBytes: number; apply: () => void } | void;
}

export class FakeRequestContext {
  private queue: Action[] = [];
  suspended = { calculation: false, screen: false };

  constructor(
    readonly state: FakeWorkbookState,
    readonly syncs: SyncRecord[],
    readonly limit: number = PAYLOAD_LIMIT,
  ) {}

  enqueue(args: unknown, run: Action['run']): void {
    this.queue.push({ bytes: WIRE_ACTION_BYTES + wireBytes(args), run });
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      requestBytes: actions.reduce((n, a) => n + a.bytes, 0),
      responseBytes: 0,
      actions: actions.length,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    this.syncs.push(record);
    const fail = (e: FakeExcelError) => {
      record.error = e.code;
      throw e;
    };
    if (record.requestBytes > this.limit)
      fail(
        new FakeExcelError(
          'RequestPayloadSizeLimitExceeded',
          'The request payload size has exceeded the limit.',
        ),
      );
    const applies: (() => void)[] = [];
    this.suspended = { calculation: false, screen: false };
    for (const action of actions) {
      try {
        const result = action.run();
        if (result) {
          record.responseBytes += result.responseBytes;
          applies.push(result.apply);
        }
      } catch (e) {
        if (e instanceof FakeExcelError) fail(e);
        throw e;
      }
    }
    record.calculationSuspended = this.suspended.calculation;
    record.screenUpdatingSuspended = this.suspended.screen;
    if (record.responseBytes > this.limit)
      fail(
        new FakeExcelError(
          'ResponsePayloadSizeLimitExceeded',
          'The response payload size has exceeded the limit.',
        ),
      );
    applies.forEach((apply) => apply());
    await Promise.resolve();
  }
}

/** Office.js's error for reading a property that was not loaded and synced. */
export function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** `load('a, b')`, `load(['a', 'b'])`: the property paths asked for. */
export function propertyPaths(names: string | string[]): string[] {
  return (Array.isArray(names) ? names : names.split(',')).map((n) => n.trim()).filter((n) => n !== '');
}

/**
 * Something with loadable properties. `snapshot` reads them from the state when the request runs;
 * navigation paths (`items/name`, `worksheet/name`) are handed to the child proxy that owns them.
 */
export abstract class FakeProxy {
  protected loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeRequestContext) {}

  load(names: string | string[]): this {
    const paths = propertyPaths(names);
    this.ctx.enqueue({ load: paths }, () => {
      const snapshot = this.snapshot(paths);
      return { responseBytes: snapshot.bytes, apply: snapshot.apply };
    });
    return this;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** Reads these properties now (at sync time); applying makes them readable. */
  abstract snapshot(paths: string[]): { bytes: number; apply: () => void };

  /** Scalars read by `values(name)`, navigation paths delegated to `child(name)`. */
  protected snapshotWith(
    paths: string[],
    value: (name: string) => unknown,
    child: (name: string) => FakeProxy | undefined = () => undefined,
  ): { bytes: number; apply: () => void } {
    const scalars = new Map<string, unknown>();
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head = '', ...rest] = path.split('/');
      if (rest.length > 0) nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
      else scalars.set(head, value(head));
    }
    let bytes = wireBytes(Object.fromEntries(scalars));
    const applies: (() => void)[] = [() => scalars.forEach((v, k) => this.loaded.set(k, v))];
    for (const [head, rest] of nested) {
      const target = child(head);
      if (!target) throw new FakeExcelError('InvalidArgument', `Cannot load ${head}/${rest.join(',')}.`);
      const inner = target.snapshot(rest);
      bytes += inner.bytes;
      applies.push(inner.apply);
    }
    return { bytes, apply: () => applies.forEach((a) => a()) };
  }
}

/** Collections load `items/…`: one proxy per item that exists when the request runs. */
export abstract class FakeCollection<T extends FakeProxy> extends FakeProxy {
  get items(): T[] {
    return this.read('items');
  }
  protected abstract current(): T[];

  snapshot(paths: string[]) {
    const itemPaths = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    if (itemPaths.length !== paths.length)
      throw new FakeExcelError('InvalidArgument', 'The fake loads collections as items/<property>.');
    const items = this.current();
    const inner = items.map((item) => item.snapshot(itemPaths));
    return {
      bytes: inner.reduce((n, s) => n + s.bytes, 2),
      apply: () => {
        inner.forEach((s) => s.apply());
        this.loaded.set('items', items);
      },
    };
  }
}
