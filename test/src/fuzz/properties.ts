/**
 * The fuzz properties, run with a seed and a number of cases: a bounded run
 * in `npm test` (fixed seed, so the suite is repeatable) and a large one in
 * `npm run fuzz` (a new seed each time, printed). FUZZ_SEED, FUZZ_PATH and
 * FUZZ_RUNS replay or resize either.
 */
import fc from 'fast-check';
import { anyCase, mutatedSample, prefixCase, randomText, schemaDocument, type FuzzCase } from './arbitraries';
import { checkService } from './check';
import { HOSTILE_FRAGMENTS, SAMPLES } from './corpus';
import type { LspFuzzer } from './lspCheck';
import type { Knowledge } from '../../../server/out/service/language/knowledge';

/** The seed `npm test` uses unless FUZZ_SEED says otherwise. */
export const TEST_SEED = 20261126;

export function seedFromEnv(fallback: number): number {
  const value = process.env.FUZZ_SEED;
  return value !== undefined && value !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback;
}

export function runsFromEnv(fallback: number): number {
  const value = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The random properties over the service, by name. */
export const SERVICE_PROPERTIES: Record<string, fc.Arbitrary<FuzzCase>> = {
  'documents built from the schema': schemaDocument,
  'mutated samples': mutatedSample,
  'arbitrary text and bytes': randomText,
};

/** What a run did, for the printed summary. */
export interface RunResult {
  name: string;
  cases: number;
  seed: number;
}

function parameters(seed: number, runs: number): fc.Parameters<[FuzzCase]> {
  const pathToReplay = process.env.FUZZ_PATH;
  return { seed, numRuns: runs, ...(pathToReplay ? { path: pathToReplay, endOnFailure: true } : {}) };
}

/** One random property over the service; throws fast-check's report (with seed and path) on a failure. */
export function runServiceProperty(name: string, arbitrary: fc.Arbitrary<FuzzCase>, runs: number, seed: number): RunResult {
  let cases = 0;
  fc.assert(
    fc.property(arbitrary, (c) => {
      cases++;
      checkService(c);
    }),
    parameters(seed, runs),
  );
  return { name, cases, seed };
}

/** A random property over the language server. */
export async function runLspProperty(name: string, fuzzer: LspFuzzer, arbitrary: fc.Arbitrary<FuzzCase>, runs: number, seed: number): Promise<RunResult> {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (c) => {
      cases++;
      await fuzzer.check(c);
    }),
    parameters(seed, runs),
  );
  return { name, cases, seed };
}

/**
 * Typing each sample from the first character: every `stride`-th prefix
 * (1: every prefix), completion asked at its end, the knowledge carried from
 * the last prefix that parsed, as the server keeps it while the author types.
 */
export function runPrefixes(stride: number, onCase?: (c: FuzzCase) => void): RunResult {
  let cases = 0;
  SAMPLES.forEach((sample, i) => {
    let knowledge: Knowledge = { entities: [] };
    for (let n = 0; n <= sample.text.length; n += stride) {
      const c = prefixCase(i, n);
      try {
        knowledge = checkService(c, knowledge);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\nCase: ${c.kind}`, { cause: error });
      }
      onCase?.(c);
      cases++;
    }
  });
  return { name: `every ${stride === 1 ? '' : `${stride}th `}prefix of every sample`, cases, seed: 0 };
}

/** Every hostile fragment spliced into the reference sample at the top, in a list and at the end. */
export function fragmentCases(): FuzzCase[] {
  const reference = SAMPLES.find((s) => s.name === 'reference-department.roles.yaml')!;
  const lines = reference.text.split('\n');
  const rolesAt = lines.findIndex((l) => l.startsWith('roles:'));
  const cases: FuzzCase[] = [];
  HOSTILE_FRAGMENTS.forEach((fragment, i) => {
    for (const [where, at, pad] of [
      ['top', 1, ''],
      ['in roles', rolesAt + 1, '    '],
      ['end', lines.length, ''],
    ] as const) {
      const text = [
        ...lines.slice(0, at),
        ...fragment
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => pad + l),
        ...lines.slice(at),
      ].join('\n');
      cases.push({ kind: `hostile fragment ${i} (${where})`, text, fileName: 'fuzz.roles.yaml', offsets: [0, Math.floor(text.length / 2), text.length] });
    }
  });
  return cases;
}

export { anyCase };
