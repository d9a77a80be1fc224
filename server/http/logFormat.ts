/**
 * How log lines look. JSON lines (pino's own) for a log collector: when stdout is not a terminal, or when
 * `TL_LOG_FORMAT=json`. On a terminal, one short readable line per event instead, so the request log sits
 * under the startup banner without burying it: `14:03:07 INFO  POST /api/v1/workbook 200 (412 ms) id=…`.
 */

export type LogFormat = 'json' | 'pretty';

export class LogFormatError extends Error {}

/** `TL_LOG_FORMAT` (`json` or `pretty`) wins; otherwise pretty exactly when stdout is a terminal. */
export function logFormatFrom(env: NodeJS.ProcessEnv, stdoutIsTty: boolean): LogFormat {
  const given = env.TL_LOG_FORMAT?.trim().toLowerCase();
  if (given === 'json' || given === 'pretty') return given;
  if (given) throw new LogFormatError(`TL_LOG_FORMAT must be json or pretty; got "${env.TL_LOG_FORMAT}".`);
  return stdoutIsTty ? 'pretty' : 'json';
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

// Fields every line has, or that the readable line already shows in its own place.
const SHOWN = new Set(['level', 'time', 'msg', 'service', 'pid', 'hostname', 'req', 'res', 'durationMs']);

function clock(time: unknown): string {
  const d = new Date(typeof time === 'number' || typeof time === 'string' ? time : Date.now());
  return Number.isNaN(d.getTime()) ? '--:--:--' : d.toTimeString().slice(0, 8);
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  if (value !== null && typeof value === 'object' && 'message' in value)
    return JSON.stringify(String((value as { message: unknown }).message));
  return JSON.stringify(value);
}

/** One pino JSON line → one readable line (a line that is not JSON is passed through as it is). */
export function prettyLine(jsonLine: string): string {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  const level = (LEVELS[Number(event.level)] ?? String(event.level)).padEnd(5);
  const parts = [clock(event.time), level, String(event.msg ?? '')];
  if (typeof event.durationMs === 'number') parts.push(`(${Math.round(event.durationMs)} ms)`);
  const req = event.req as { id?: unknown } | undefined;
  if (req?.id !== undefined) parts.push(`id=${String(req.id)}`);
  for (const [key, value] of Object.entries(event))
    if (!SHOWN.has(key) && value !== undefined) parts.push(`${key}=${valueText(value)}`);
  return `${parts.join(' ')}\n`;
}

/** A pino destination that writes readable lines to `out`. */
export function prettyDestination(out: { write(text: string): unknown }): { write(line: string): void } {
  return {
    write(line: string) {
      out.write(prettyLine(line));
    },
  };
}
