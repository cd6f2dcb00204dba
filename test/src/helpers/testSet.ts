/**
 * The mocha tests come in two sets (README, Testing): `npm run test:unit`
 * runs every test that needs no language server, Neovim or LibreOffice, with
 * ROLE_PROTOCOLS_TEST_SET=unit; `npm run test:integration` runs the rest:
 * test/src/lsp/ and every *.integration.test.ts. The helpers that start one
 * of those programs call this first, so a test that starts one from the
 * unit set fails and says where it belongs, instead of slowing the set down.
 */
export function startsIntegrationProcess(what: string): void {
  if (process.env.ROLE_PROTOCOLS_TEST_SET === 'unit') {
    throw new Error(`${what} is started from the unit test set: put the test in test/src/lsp/ or name it *.integration.test.ts (README, Testing)`);
  }
}
