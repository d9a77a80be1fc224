/**
 * `{ ...base, ...fields }`: the same fields in the same order, built so that every object made from the same
 * kinds of input shares one V8 map.
 *
 * Node 20's V8 makes an object literal that begins with a spread by cloning the spread object's map, and a
 * clone's map keeps no transitions: each field written after the spread (in the literal, or later) makes a
 * fresh map. So `{ ...model, budgetColumns }` gave every request's model a map of its own, and every function
 * reading models (`model.measures`, `model.settings`) met a new map each request, deoptimised, then fell back to
 * the generic property lookup for good (measured on the engine: a map per object from the ninth call on; the
 * Budget reader's stores alone were 2% of a request). `Object.assign` onto a fresh `{}` adds the fields through
 * V8's shared transitions instead. A literal that begins with a plain field (`{ kind, ...rest }`) is not
 * affected, nor is a bare copy (`{ ...base }`) that is only read. A bare copy that is written to can be: the
 * Settings reader's copy of its defaults, where a null becomes a year, deoptimised the Budget reader on every
 * request, so such a copy is made here as `withFields(base, {})`. ESLint refuses a literal that begins with a
 * spread and has more after it in server code (eslint.config.mjs).
 */
export function withFields<B extends object, F extends object>(base: B, fields: F): Omit<B, keyof F> & F {
  return Object.assign({}, base, fields) as Omit<B, keyof F> & F;
}
