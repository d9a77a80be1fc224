import type { z } from 'zod';
import type { ProblemError } from '../../models';
import { withFields } from '../objects';

/**
 * Turns zod's validation issues into sentences a person can act on, each with a JSON Pointer to the place:
 * "grids.tables[0].topLeft should be an A1-style cell address such as B3." rather than zod's own
 * "Invalid string: must match pattern".
 */

/** Problems listed in one answer; the rest are counted. */
export const MAX_LISTED = 20;

/**
 * The first MAX_LISTED issues as sentences, and how many there are in all. `at` is where the value zod checked
 * sits in `body`, when zod was given a part of it (one cell, say) rather than the whole.
 */
export function describeZodError(
  error: z.ZodError,
  body: unknown,
  at: readonly PropertyKey[] = [],
): { errors: ProblemError[]; total: number } {
  const errors = error.issues.slice(0, MAX_LISTED).map((issue) => {
    const placed =
      at.length === 0 ? issue : (withFields(issue, { path: [...at, ...issue.path] }) as typeof issue);
    return { pointer: jsonPointer(placed.path), detail: sentence(placed, body) };
  });
  return { errors, total: error.issues.length };
}

type Path = readonly PropertyKey[];

const MAX_KEYS_NAMED = 5;

function jsonPointer(path: Path): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `grids.tables[0].rows[3][2]`, or "The request body" for the top level. */
function fieldName(path: Path): string {
  if (path.length === 0) return 'The request body';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function valueAt(body: unknown, path: Path): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const CELL_VALUE =
  'a cell value: null, text, a number, true or false, or an object with one of "error", "date" or "formula"';

function sentence(issue: z.core.$ZodIssue, body: unknown): string {
  const field = fieldName(issue.path);
  const inCells = isCellPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(body, issue.path);
      if (value === undefined) return `${field} is missing.`;
      if (inCells) return `${field} should be ${CELL_VALUE}; it is ${kindOf(value)}.`;
      return `${field} should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(value)}.`;
    }
    case 'unrecognized_keys': {
      // A body can carry a million unknown keys; the sentence names a few and counts the rest.
      const keys = issue.keys
        .slice(0, MAX_KEYS_NAMED)
        .map((k) => `"${k.slice(0, 64)}"`)
        .join(', ');
      const more = issue.keys.length - MAX_KEYS_NAMED;
      return `${field} has ${issue.keys.length === 1 ? 'a field' : 'fields'} this API does not accept: ${keys}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}.`;
    }
    case 'invalid_union':
      return inCells ? `${field} should be ${CELL_VALUE}.` : `${field} is not in any of the accepted forms.`;
    case 'invalid_value':
      return `${field} should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.`;
    case 'invalid_format':
      // Schemas give their patterns a readable message ("an A1-style cell address such as B3").
      return issue.message && !/^Invalid/.test(issue.message)
        ? `${field} should be ${issue.message}.`
        : `${field} is not in the expected format.`;
    case 'too_small':
      return `${field} should ${bound('at least', issue.minimum, issue.origin)}.`;
    case 'too_big':
      return `${field} should ${bound('at most', issue.maximum, issue.origin)}.`;
    default:
      return `${field}: ${issue.message}.`;
  }
}

/** `…header[c]` or `…rows[r][c]`: a single cell of a grid. */
function isCellPath(path: Path): boolean {
  const n = path.length;
  if (typeof path[n - 1] !== 'number') return false;
  return path[n - 2] === 'header' || (typeof path[n - 2] === 'number' && path[n - 3] === 'rows');
}

function bound(side: 'at least' | 'at most', limit: number | bigint, origin: string): string {
  const n = Number(limit);
  const shown = n.toLocaleString('en-US');
  switch (origin) {
    case 'string':
      return `have ${side} ${shown} character${n === 1 ? '' : 's'}`;
    case 'array':
      return `have ${side} ${shown} item${n === 1 ? '' : 's'}`;
    default:
      return `be ${side} ${shown}`;
  }
}
