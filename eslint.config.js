// @ts-check
/**
 * Lint: typescript-eslint's strict, type-checked rules over the TypeScript
 * (src, tests, e2e, bench, configs), and ESLint's recommended rules over the
 * build scripts. Formatting is Prettier's (`.prettierrc.json`), not ESLint's.
 * `npm test` runs both (`npm run lint`).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-*/', 'reports/', 'test-results/', 'playwright-report/', 'public/', 'assets/', 'scratch/', '.data/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers in messages and labels are the norm ("72 Hz"); objects and nullish values still are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => node.remove()` as a handler reads as what it is; a void value used elsewhere is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Babylon declares its classes through `.pure` modules, so its own subclasses (a StandardMaterial
      // where a Material is expected) are not recognised as made by the base's constructor: every
      // report of this rule here was one of those.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Leaving a property out of an object by destructuring it away is the idiom, not a leftover.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // A test's `!` on its own fixture is the test's claim, checked by the assertions after it.
    files: ['tests/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The browser harness patches prototypes in the page (IWER, WebGL, listeners), keeping each
    // original method to call with `.call(this)`: taking a method off its prototype is the point.
    files: ['e2e/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Malformed-input fixtures: a layout mutated into every wrong shape is `any` on purpose.
    files: ['tests/layout/validate.test.ts', 'tests/fuzz/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Runs a function in the page through Playwright.
    files: ['scripts/capture-screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
