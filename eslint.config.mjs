import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * A spread argument goes on the call stack: push(...rows) or Math.max(...ids) over a workbook's rows overflows
 * it (RangeError) at around a hundred thousand items. Flat config does not merge one rule's options across
 * blocks, so every block that sets no-restricted-syntax for these files lists this too.
 */
const noSpreadIntoCalls = {
  selector:
    'CallExpression[callee.property.name=/^(push|unshift|splice|max|min|fromCharCode)$/] > SpreadElement',
  message:
    'Spreading a list into a call puts every item on the stack and overflows on large workbooks; use a loop.',
};

/**
 * An object literal that begins with a spread and adds fields after it (`{ ...base, more }`) gets a map of its
 * own every time in Node 20's V8 (see `withFields` in server/objects.ts), and the code reading such objects
 * deoptimises and then falls back to generic property access. Server code uses `withFields(base, { more })`.
 */
const noLeadingSpreadWithFields = {
  selector: 'ObjectExpression[properties.length>1][properties.0.type="SpreadElement"]',
  message:
    'An object literal beginning with a spread gets a new V8 map each time it is made; use withFields(base, { ... }) from server/objects.ts.',
};

/**
 * The engine's stages import one way: read → rules → compute → scenarios → tables (index.ts runs them in that
 * order and may import all). A stage never imports a later one; the rules may take the compute stage's result
 * types (they check its result), never its code. Modules outside the stage folders that are not compute
 * (money, ledger, messages, series, status, ...) are shared by every stage and import no stage after read.
 */
const COMPUTE = '(compute|crosswalk|cost|pools|statusByGoal|unreadAmounts|index)';
// From a stage folder (read/, rules/, scenarios/) the other stages are at `../`; from server/engine/*.ts at `./`.
const UP = '\\.\\./';
const HERE = '\\./';
const later = (from, stages, message) => [
  'error',
  { patterns: [{ regex: `^${from}(${stages})(/|$)`, message }] },
];
const stageOrder = [
  {
    files: ['server/engine/read/**/*.ts'],
    rule: later(
      UP,
      `rules|scenarios|tables|${COMPUTE}`,
      'The read stage comes first: it imports no later stage.',
    ),
  },
  {
    files: ['server/engine/rules/**/*.ts'],
    rule: later(UP, 'scenarios|tables', 'The rules come before scenarios and tables.'),
    compute: true,
  },
  {
    files: [`server/engine/*.ts`],
    ignores: ['server/engine/index.ts'],
    rule: later(HERE, 'scenarios|tables', 'Compute and the shared modules come before scenarios and tables.'),
  },
  {
    files: ['server/engine/scenarios/**/*.ts'],
    rule: later(UP, 'tables', 'Scenarios come before the output tables.'),
  },
].flatMap(({ files, ignores, rule, compute }) => [
  {
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      '@typescript-eslint/no-restricted-imports': compute
        ? [
            'error',
            {
              patterns: [
                ...rule[1].patterns,
                {
                  regex: `^\\.\\./${COMPUTE}$`,
                  message:
                    "The rules check the compute stage's result: they may import its types, not its code.",
                  allowTypeImports: true,
                },
              ],
            },
          ]
        : rule,
    },
  },
]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'addin/dist/**', 'coverage/**', 'tests/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: it never touches I/O, HTTP, Excel files or the add-in.
    files: ['server/engine/**/*.ts', 'models/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['exceljs', 'express', 'fs', 'node:fs', 'http', 'node:http'],
              message: 'The engine and models are pure: no I/O.',
            },
            {
              group: ['**/xlsx/**', '**/http/**', '**/addin/**', '**/cli'],
              message: 'The engine never imports its edges.',
            },
          ],
        },
      ],
    },
  },
  {
    // The task pane runs in a browser and talks to the engine over HTTP: it takes the contract from models/
    // and, of server/, only the pure column formats (so both writers format a workbook alike).
    files: ['addin/**/*.ts'],
    ignores: ['addin/build/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['exceljs', 'express', 'node:*', 'fs', 'path', 'http', 'https', 'child_process'],
              message: 'The task pane runs in a browser.',
            },
            {
              regex:
                '(^|/)server/(?!xlsx/(formats|errors|package/(xlsxPackage|inflateJs|sharedStrings|sheetCells|xmlStream))$)',
              message:
                'The pane reaches the engine over HTTP; of server/ it may import only the pure xlsx/formats, xlsx/errors and the browser-safe parts of xlsx/package.',
            },
          ],
        },
      ],
    },
  },
  {
    // Office.js stays behind the WorkbookPort: only the adapter (addin/excel) and the bootstrap may touch it.
    files: ['addin/**/*.ts'],
    ignores: ['addin/excel/**', 'addin/main.ts', 'addin/build/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension'].map((name) => ({
          name,
          message: 'Only addin/excel (the WorkbookPort adapter) and the bootstrap may use Office.js.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSQualifiedName[left.name=/^(Office|Excel|OfficeExtension)$/]',
          message: 'Only addin/excel (the WorkbookPort adapter) and the bootstrap may use Office.js types.',
        },
        noSpreadIntoCalls,
      ],
    },
  },
  {
    // The rest of addin/ has noSpreadIntoCalls in the Office.js block above.
    files: ['addin/excel/**/*.ts', 'addin/main.ts'],
    rules: { 'no-restricted-syntax': ['error', noSpreadIntoCalls] },
  },
  {
    // server/xlsx is being reworked as the package module (issue 10, part 1) and joins once that lands.
    files: ['server/**/*.ts', 'models/**/*.ts'],
    ignores: ['server/xlsx/**'],
    rules: { 'no-restricted-syntax': ['error', noSpreadIntoCalls, noLeadingSpreadWithFields] },
  },
  ...stageOrder,
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
