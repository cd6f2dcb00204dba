/**
 * `npm run fuzz`: the large fuzz run. Prints the seed first, then each
 * property's case count and time, then the total; exits 1 on the first
 * failure with fast-check's report and the line that replays it.
 *
 *   FUZZ_SEED=<n>       seed (default: a new one each run, printed)
 *   FUZZ_PATH=<path>    with FUZZ_SEED, replay exactly the failing case fast-check printed
 *   FUZZ_RUNS=<n>       cases per random property (default: see SCALE below)
 *   FUZZ_ONLY=<words>   run only the properties whose name contains the words
 *   FUZZ_PREFIXES=<n>   typing: every n-th prefix of every sample (default 1: every prefix; 0: none)
 */
import { anyCase, PREFIX_COUNT } from './arbitraries';
import { describeCase, checkService } from './check';
import { LspFuzzer } from './lspCheck';
import { fragmentCases, runLspProperty, runPrefixes, runServiceProperty, runsFromEnv, seedFromEnv, SERVICE_PROPERTIES, type RunResult } from './properties';
import { samplePrefix } from './arbitraries';
import { runExplosionProperty } from './explosions';

/** Default cases per random property in the large run (one not listed: DEFAULT_SCALE). */
const DEFAULT_SCALE = 10_000;
const SCALE: Record<string, number> = {
  'documents built from the schema': 25_000,
  'mutated samples': 40_000,
  'arbitrary text and bytes': 10_000,
  'random prefixes': 10_000,
  'finding explosions': 1_000,
  'lsp: any case': 8_000,
};

async function main(): Promise<void> {
  const seed = seedFromEnv(Date.now() % 2_147_483_647);
  const only = process.env.FUZZ_ONLY;
  const stride = process.env.FUZZ_PREFIXES === undefined ? 1 : Number(process.env.FUZZ_PREFIXES);
  const wanted = (name: string) => !only || name.includes(only);
  console.log(`role-protocols fuzz: seed ${seed} (replay with FUZZ_SEED=${seed})`);
  const results: RunResult[] = [];
  const started = Date.now();
  const report = (r: RunResult, ms: number) => {
    results.push(r);
    console.log(`  ${String(r.cases).padStart(7)} cases  ${(ms / 1000).toFixed(1).padStart(6)} s  ${r.name}`);
  };
  const step = async (name: string, run: () => RunResult | Promise<RunResult>) => {
    if (!wanted(name)) return;
    const t = Date.now();
    try {
      report(await run(), Date.now() - t);
    } catch (error) {
      const cause =
        error instanceof Error && error.cause !== undefined
          ? `\nCaused by: ${error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : String(error.cause)}`
          : '';
      console.error(`\nFAILED: ${name}\n${error instanceof Error ? error.message : String(error)}${cause}`);
      console.error(`\nReplay: FUZZ_SEED=${seed}${process.env.FUZZ_PATH ? '' : ' FUZZ_PATH=<path above>'} FUZZ_ONLY="${name}" npm run fuzz`);
      process.exit(1);
    }
  };

  for (const [name, arbitrary] of Object.entries(SERVICE_PROPERTIES))
    await step(name, () => runServiceProperty(name, arbitrary, runsFromEnv(SCALE[name] ?? DEFAULT_SCALE), seed));
  await step('random prefixes', () => runServiceProperty('random prefixes', samplePrefix, runsFromEnv(SCALE['random prefixes'] ?? DEFAULT_SCALE), seed));
  if (stride > 0) await step('every prefix of every sample', () => runPrefixes(stride));
  await step('finding explosions', () => runExplosionProperty(runsFromEnv(SCALE['finding explosions'] ?? DEFAULT_SCALE), seed, process.env.FUZZ_PATH));
  await step('hostile fragments', () => {
    const cases = fragmentCases();
    for (const c of cases) {
      try {
        checkService(c);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${describeCase(c)}`, { cause: error });
      }
    }
    return { name: 'hostile fragments at three places', cases: cases.length, seed };
  });

  if (wanted('lsp: any case') || wanted('lsp: hostile fragments')) {
    const fuzzer = await LspFuzzer.start();
    try {
      await step('lsp: any case', () => runLspProperty('lsp: any case', fuzzer, anyCase, runsFromEnv(SCALE['lsp: any case'] ?? DEFAULT_SCALE), seed));
      await step('lsp: hostile fragments', async () => {
        const cases = fragmentCases();
        for (const c of cases) {
          try {
            await fuzzer.check(c);
          } catch (error) {
            throw new Error(`${error instanceof Error ? error.message : String(error)}\n${describeCase(c)}`, { cause: error });
          }
        }
        return { name: 'lsp: hostile fragments', cases: cases.length, seed };
      });
    } finally {
      await fuzzer.stop();
    }
  }

  const total = results.reduce((n, r) => n + r.cases, 0);
  console.log(
    `role-protocols fuzz: ${total} cases, no failure, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s (prefixes in all samples: ${PREFIX_COUNT})`,
  );
}

void main();
