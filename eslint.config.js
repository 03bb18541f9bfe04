// The house rules a reviewer should not have to check by eye (issue #14): the folders of src/
// form one order with no cycle, and code that runs in the browser loads no Node, Zod or linkedom.
// The .astro files too: their frontmatter runs in the build, their client <script>s in the browser.
// Style is Prettier's business, not ESLint's: no stylistic rule here.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import astro from 'eslint-plugin-astro';

/**
 * src/ from the bottom up: a module may import from its own place or one listed before it,
 * never after (so no two folders can import each other). The .astro pages, components and
 * layouts sit above all of them.
 */
const LAYERS = [
  'src/group.ts', // Map.groupBy for Node 20
  'src/contract', // the export contract as code
  'src/read', // bytes → rows
  'src/validate', // rows → typed records + issues
  'src/derive', // pure functions: IKM, predikat, capaian, tables
  'src/queries', // SQL that runs anywhere
  'src/i18n', // every word and number format, and the citation formats the browser shares
  'src/routes.ts', // every URL
  'src/charts', // browser-safe chart builders and their HTML
  'src/client', // browser-only scripts
  'src/release', // releases, archive, feed
  'src/publish', // CSV, Parquet, datapackage, privacy gate
  'src/guide', // the words of /panduan/
  'src/templates', // the templates of /templat/
  'src/deploy', // host files
  'src/config.ts',
  'src/site', // build-only readers of the published tables
  'src/build', // a build on several machines: shards and their merge
  'src/pipeline.ts',
];

/**
 * Code that runs in the browser (or anywhere): no Node built-ins, no Zod, no linkedom. The
 * client <script>s of .astro files reach ESLint as virtual files `Page.astro/0_0.ts`.
 */
const BROWSER = ['src/charts/**', 'src/client/**', 'src/i18n/**', 'src/queries/**', 'src/routes.ts', 'src/**/*.astro/*.{ts,js}'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', '.build/**', 'tmp/**', 'public/**'] },
  // .astro: astro-eslint-parser, with typescript-eslint for the frontmatter, expressions and scripts.
  ...astro.configs['flat/recommended'],
  { files: ['**/*.astro'], languageOptions: { parserOptions: { parser: tseslint.parser } } },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js', '**/*.astro'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs', '.astro'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'astro-eslint-parser': ['.astro'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.astro'] })],
    },
  },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  {
    // An import or a variable nobody reads is a reader's false lead (TypeScript alone lets it pass).
    files: ['**/*.ts', '**/*.mjs', '**/*.js', '**/*.astro'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.astro'],
    rules: {
      // A 500-region build died in its last minutes on `out.push(...paths)` (a million paths).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='push'] > SpreadElement",
          message:
            'push(...xs) passes every element as an argument: past about 100,000 (a national site’s paths or rows) the call stack overflows. Push them in a loop.',
        },
      ],
      // Within a folder too, no module imports itself round about (type-only imports included).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: LAYERS.slice(0, -1).map((target, i) => ({
            target,
            from: LAYERS.slice(i + 1),
            message: `${target} sits below these in the order of src/ (eslint.config.js LAYERS): import the other way round, or move the shared piece down.`,
          })),
        },
      ],
    },
  },
  {
    files: BROWSER,
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Browser code gets types from the build (e.g. table sources as JSON), never the Zod schemas.' },
            {
              name: 'linkedom',
              message: 'linkedom is the build’s document: take the document as a parameter (src/site/plot-document.ts makes it).',
            },
          ],
          patterns: [{ group: ['node:*'], message: 'Node built-ins do not exist in the browser: build-only code lives in src/site/.' }],
        },
      ],
    },
  },
);
