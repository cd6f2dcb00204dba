// ESLint flat config: typescript-eslint's recommended type-aware rules on the
// TypeScript sources; Prettier owns the layout, so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.cache/**', 'demo-output/**', 'test/fixtures/**', 'samples/**'],
  },
  {
    // A disable comment that no longer silences anything is an error, so each one left names a rule that fires there.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A variable that a callback defined before it reads (`finish` disposing a subscription made after a first,
      // synchronous check) cannot be a const: the callback would meet it in its temporal dead zone.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // The control characters in this code's regular expressions are written on purpose, as escapes: the
      // exports strip or look for what XML, Word and terminals refuse. The rule catches pasted raw characters,
      // which Prettier and review make visible anyway.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        global: 'readonly',
        exports: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The tables page's script runs in the webview: the browser globals it uses (tsc checks it against the whole
    // DOM library too, with client/media/tsconfig.json), and the one VS Code injects.
    files: ['client/media/**/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        requestAnimationFrame: 'readonly',
        getComputedStyle: 'readonly',
        CSS: 'readonly',
        Element: 'readonly',
        HTMLElement: 'readonly',
        HTMLTableCellElement: 'readonly',
        MouseEvent: 'readonly',
        CustomEvent: 'readonly',
        acquireVsCodeApi: 'readonly',
      },
    },
  },
);
