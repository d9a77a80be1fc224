import type { FactoryFunctionMap, MathNode } from 'mathjs';
import { EXPRESSION_REASONS } from './messages';
import { withFields } from '../objects';

/**
 * Response formulas typed by users, made safe. Three layers:
 * 1. A restricted mathjs instance: numbers only, and every function that can reach beyond arithmetic
 *    (import, createUnit, evaluate, parse, compile, simplify, derivative, resolve, reviver, chain, config, ...)
 *    replaced by one that throws.
 * 2. The parsed tree is checked against an allow-list before anything runs: numeric constants, the documented
 *    variables, + - * / ^ (and unary minus), parentheses, and a short list of math functions. No assignment,
 *    no function definition, no property access, no indexing, no matrices, ranges, strings or objects.
 * 3. Bounded size: at most 500 characters, 200 nodes and 30 levels deep, so evaluation cost is bounded too.
 */

export const EXPRESSION_VARIABLES = ['funding', 'baseFunding', 'baseValue', 'e'] as const;
const FUNCTIONS = new Set(['sqrt', 'exp', 'log', 'log10', 'ln', 'abs', 'min', 'max', 'pow', 'cbrt']);
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
/** The longest response formula read; a longer one is refused before it is parsed. */
export const MAX_EXPRESSION_LENGTH = 500;
const MAX_NODES = 200;
const MAX_DEPTH = 30;

let parser: ((expr: string) => MathNode) | undefined;

/**
 * The restricted instance's parser, built the first time a formula is checked: loading mathjs costs 0.5-1.5 s
 * of start-up, which a workbook without response formulas (and every server worker) should not pay.
 */
function parse(expr: string): MathNode {
  parser ??= restrictedParser();
  return parser(expr);
}

function restrictedParser(): (expr: string) => MathNode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load, on purpose
  const { all, create } = require('mathjs') as typeof import('mathjs');
  const math = create(all as FactoryFunctionMap, { number: 'number', matrix: 'Array' });
  // Keep our own handle on the parser, then take it (and everything else that reaches past arithmetic) away from
  // the instance, as mathjs's security guide does, so even a tree that slipped past the allow-list could not call them.
  const parse = math.parse.bind(math) as (expr: string) => MathNode;
  const refuse = () => {
    throw new Error('not allowed in a response formula');
  };
  math.import(
    withFields(
      Object.fromEntries(
        [
          'import',
          'createUnit',
          'evaluate',
          'parse',
          'compile',
          'simplify',
          'derivative',
          'resolve',
          'reviver',
          'chain',
          'range',
          'matrix',
          'ones',
          'zeros',
        ].map((n) => [n, refuse]),
      ),
      // `ln` is the name budget analysts know; mathjs calls it log.
      { ln: (x: number) => Math.log(x) },
    ),
    { override: true },
  );
  return parse;
}

export type ExpressionCheck =
  { ok: true; evaluate: (scope: Record<string, number>) => number } | { ok: false; reason: string };

function reasonFor(node: MathNode, depth: number, count: { n: number }): string | null {
  count.n += 1;
  if (count.n > MAX_NODES) return EXPRESSION_REASONS.tooManyParts(MAX_NODES);
  if (depth > MAX_DEPTH) return EXPRESSION_REASONS.tooDeep(MAX_DEPTH);
  const n = node as MathNode & { type: string };
  switch (n.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      return typeof value === 'number' && Number.isFinite(value) ? null : EXPRESSION_REASONS.notANumber();
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      return (EXPRESSION_VARIABLES as readonly string[]).includes(name)
        ? null
        : EXPRESSION_REASONS.unknownName(name, EXPRESSION_VARIABLES);
    }
    case 'ParenthesisNode':
      return reasonFor((node as unknown as { content: MathNode }).content, depth + 1, count);
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; op: string; args: MathNode[] };
      if (!OPERATORS.has(op.fn)) return EXPRESSION_REASONS.operator(op.op);
      for (const arg of op.args) {
        const r = reasonFor(arg, depth + 1, count);
        if (r) return r;
      }
      return null;
    }
    case 'FunctionNode': {
      const fn = node as unknown as { fn: MathNode & { type: string; name?: string }; args: MathNode[] };
      if (fn.fn.type !== 'SymbolNode' || !fn.fn.name || !FUNCTIONS.has(fn.fn.name)) {
        return EXPRESSION_REASONS.functions(FUNCTIONS);
      }
      if (fn.args.length === 0 || fn.args.length > 8) return EXPRESSION_REASONS.arguments(fn.fn.name);
      for (const arg of fn.args) {
        const r = reasonFor(arg, depth + 1, count);
        if (r) return r;
      }
      return null;
    }
    default:
      return EXPRESSION_REASONS.notArithmetic();
  }
}

/** Checks a formula once; the returned `evaluate` runs it on numbers only and returns a finite number or NaN. */
export function checkExpression(text: string): ExpressionCheck {
  if (text.length > MAX_EXPRESSION_LENGTH)
    return { ok: false, reason: EXPRESSION_REASONS.tooLong(MAX_EXPRESSION_LENGTH) };
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    return {
      ok: false,
      reason: EXPRESSION_REASONS.unreadable((e as Error).message.replace(/\s+/g, ' ').slice(0, 80)),
    };
  }
  const reason = reasonFor(node, 0, { n: 0 });
  if (reason) return { ok: false, reason };
  const compiled = node.compile();
  return {
    ok: true,
    evaluate: (scope) => {
      const vars = new Map<string, number>();
      for (const name of EXPRESSION_VARIABLES) vars.set(name, scope[name] ?? NaN);
      try {
        const v: unknown = compiled.evaluate(vars);
        return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
      } catch {
        return NaN;
      }
    },
  };
}
