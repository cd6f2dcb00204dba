/**
 * A bounded fuzz run over the language server process, part of `npm test`:
 * each case changes an open document; diagnostics, completion, hover,
 * navigation, outline and code actions must answer inside the document, and
 * the server must still answer about another open document afterwards.
 */
import { anyCase } from './arbitraries';
import { LspFuzzer } from './lspCheck';
import { fragmentCases, runLspProperty, runsFromEnv, seedFromEnv, TEST_SEED } from './properties';
import { describeCase } from './check';

const SEED = seedFromEnv(TEST_SEED);

describe(`fuzz: the language server (seed ${SEED})`, function () {
  this.timeout(180_000);
  let fuzzer: LspFuzzer;
  before(async () => {
    fuzzer = await LspFuzzer.start();
  });
  after(() => fuzzer?.stop());

  it('mutated samples, schema documents, prefixes and random text: every answer inside the document, the server still answering', async () => {
    await runLspProperty('lsp: any case', fuzzer, anyCase, runsFromEnv(400), SEED);
  });

  it('every hostile fragment, one after another in the same open document', async () => {
    for (const c of fragmentCases()) {
      try {
        await fuzzer.check(c);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${describeCase(c)}`, { cause: error });
      }
    }
  });
});
