/**
 * A bounded fuzz run over the language service, part of `npm test` (fixed
 * seed: repeatable). `npm run fuzz` runs the same properties at scale.
 * FUZZ_SEED / FUZZ_PATH / FUZZ_RUNS replay a failure or resize the run.
 */
import { checkService, describeCase } from './check';
import { fragmentCases, runPrefixes, runServiceProperty, runsFromEnv, seedFromEnv, SERVICE_PROPERTIES, TEST_SEED } from './properties';
import { samplePrefix } from './arbitraries';
import { runExplosionProperty } from './explosions';

const SEED = seedFromEnv(TEST_SEED);
/** Cases per property (one not listed: 300). */
const RUNS: Record<string, number> = { 'documents built from the schema': 400, 'mutated samples': 600, 'arbitrary text and bytes': 300 };

describe(`fuzz: the language service (seed ${SEED})`, function () {
  this.timeout(120_000);
  for (const [name, arbitrary] of Object.entries(SERVICE_PROPERTIES)) {
    it(`${name}: nothing throws or hangs, ranges inside, known rules, one-line messages`, () => {
      runServiceProperty(name, arbitrary, runsFromEnv(RUNS[name] ?? 300), SEED);
    });
  }

  it('random prefixes of the samples (typing), completion at the end', () => {
    runServiceProperty('prefixes', samplePrefix, runsFromEnv(400), SEED);
  });

  it('every 97th prefix of every sample, typed in order with the last knowledge kept', () => {
    runPrefixes(97);
  });

  it('finding explosions (every role on every step, each needing every skill, little training): the caps hold, one entitlement finding per role and skill, the rules well inside their time', () => {
    runExplosionProperty(runsFromEnv(40), SEED, process.env.FUZZ_PATH);
  });

  it('every hostile fragment (alias bombs, deep nesting, tags, __proto__, NUL, BOM, CR, tabs) at three places in the reference sample', () => {
    for (const c of fragmentCases()) {
      try {
        checkService(c);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${describeCase(c)}`, { cause: error });
      }
    }
  });
});
