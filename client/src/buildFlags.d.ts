/**
 * Set by scripts/bundle.js (esbuild `define`): true in development builds,
 * false in the `--production` build the .vsix ships, where the code it guards
 * is dropped. Only the bundles run; tsc's out/ copy of extension.ts is never loaded.
 */
declare const __TEST_HOOKS__: boolean;
