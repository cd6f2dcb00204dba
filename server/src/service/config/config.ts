import { parseDocument } from '../parse/parseDocument';
import { pairOf, type YamlNode } from '../parse/tree';
import { didYouMean } from '../util/suggest';
import type { SeveritySetting } from '../rules/types';
import { DEFAULT_MAX_FILE_SIZE_KB, MAX_FILE_SIZE_KB_CEILING } from '../engine/limits';
import type { RegisterSettings } from '../register/standing';

/** The file names the tool looks for, walking up from a protocol's folder (decided with the other kinds). */
export { CONFIG_FILE_NAMES } from '../../shared/documentKinds';

/** A project's settings, after reading its configuration file. */
export interface ProjectConfig {
  /** Severity overrides by rule id; a rule not named keeps its default. */
  rules: Map<string, SeveritySetting>;
  /** `maxFileSizeKb`: a larger document is not checked (a `document-limits` finding); default 2048. */
  maxFileSizeKb?: number;
  /** How registers of people are checked (`register:`); the defaults are in `register/standing.ts`. */
  register?: Partial<RegisterSettings>;
  /** Where the settings came from, for messages. */
  source?: string;
}

export const emptyConfig = (): ProjectConfig => ({ rules: new Map() });

/** A problem in the configuration file itself, placed in that file. */
export interface ConfigProblem {
  ruleId: 'syntax' | 'schema' | 'unknown-rule';
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'off'];
const TOP_KEYS = ['rules', 'maxFileSizeKb', 'register'];
/** The register settings: each a whole number in its range. */
const REGISTER_KEYS: Record<keyof RegisterSettings, { min: number; max: number; what: string }> = {
  dueSoonDays: { min: 0, max: 3660, what: 'days before a reassessment is due that it is reported as due soon (default 60)' },
  minimumCover: { min: 1, max: 100, what: 'entitled, current people each role of an online step needs at each site (default 2)' },
};

/**
 * Reads a configuration file's text. It is data only: nothing in it can name
 * code to run. Unknown keys, rule ids and severities are reported at their
 * place in the file and otherwise ignored.
 */
export function parseConfig(text: string, fileName: string, knownRuleIds: ReadonlySet<string>): { config: ProjectConfig; problems: ConfigProblem[] } {
  const config: ProjectConfig = { rules: new Map(), source: fileName };
  const problems: ConfigProblem[] = [];
  const parsed = parseDocument(text, /\.json$/i.test(fileName) ? 'json' : 'yaml');
  for (const p of parsed.problems) problems.push({ ruleId: 'syntax', severity: 'error', message: p.message, start: p.start, end: p.end });
  const root = parsed.root;
  if (!root || (root.kind === 'scalar' && root.empty)) return { config, problems };
  if (root.kind !== 'mapping') {
    problems.push({
      ruleId: 'schema',
      severity: 'error',
      message: 'The configuration must be a mapping with a `rules` key.',
      start: root.start,
      end: root.end,
    });
    return { config, problems };
  }
  for (const pair of root.pairs) {
    const key = String(pair.key.value);
    if (!TOP_KEYS.includes(key)) {
      const guess = didYouMean(key, TOP_KEYS);
      problems.push({
        ruleId: 'schema',
        severity: 'error',
        message: `Unknown configuration key \`${key}\`.${guess ? ` Did you mean \`${guess}\`?` : ' The keys are `rules`, `maxFileSizeKb` and `register`.'}`,
        start: pair.key.start,
        end: pair.key.end,
      });
    }
  }
  const size = pairOf(root, 'maxFileSizeKb')?.value;
  if (size && !(size.kind === 'scalar' && size.empty)) {
    const value = size.kind === 'scalar' && !size.quoted ? size.value : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_FILE_SIZE_KB_CEILING) config.maxFileSizeKb = value;
    else {
      const shown = size.kind === 'scalar' ? String(size.value) : size.kind;
      problems.push({
        ruleId: 'schema',
        severity: 'error',
        message: `\`maxFileSizeKb\` must be a whole number of kilobytes from 1 to ${MAX_FILE_SIZE_KB_CEILING} (100 MB); got \`${shown}\`. The default is ${DEFAULT_MAX_FILE_SIZE_KB}.`,
        start: size.start,
        end: Math.max(size.end, size.start + 1),
      });
    }
  }
  readRegisterSettings(pairOf(root, 'register')?.value, config, problems);
  const rules = pairOf(root, 'rules')?.value;
  if (!rules || (rules.kind === 'scalar' && rules.empty)) return { config, problems };
  if (rules.kind !== 'mapping') {
    problems.push({
      ruleId: 'schema',
      severity: 'error',
      message: '`rules` must map rule ids to a severity: error, warning, info or off.',
      start: rules.start,
      end: rules.end,
    });
    return { config, problems };
  }
  for (const pair of rules.pairs) {
    const id = String(pair.key.value);
    if (!knownRuleIds.has(id)) {
      const guess = didYouMean(id, knownRuleIds);
      problems.push({
        ruleId: 'unknown-rule',
        severity: 'warning',
        message: `There is no rule \`${id}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
        start: pair.key.start,
        end: pair.key.end,
      });
      continue;
    }
    const setting = severityOf(pair.value);
    if (!setting) {
      const shown = pair.value.kind === 'scalar' ? String(pair.value.value) : pair.value.kind;
      problems.push({
        ruleId: 'schema',
        severity: 'error',
        message: `The severity of \`${id}\` must be one of error, warning, info, off; got \`${shown}\`.`,
        start: pair.value.start,
        end: Math.max(pair.value.end, pair.value.start + 1),
      });
      continue;
    }
    config.rules.set(id, setting);
  }
  return { config, problems };
}

function readRegisterSettings(node: YamlNode | undefined, config: ProjectConfig, problems: ConfigProblem[]): void {
  if (!node || (node.kind === 'scalar' && node.empty)) return;
  if (node.kind !== 'mapping') {
    problems.push({
      ruleId: 'schema',
      severity: 'error',
      message: '`register` must be a mapping: `dueSoonDays` and `minimumCover`.',
      start: node.start,
      end: node.end,
    });
    return;
  }
  const settings: Partial<RegisterSettings> = {};
  for (const pair of node.pairs) {
    const key = String(pair.key.value);
    const spec = Object.hasOwn(REGISTER_KEYS, key) ? REGISTER_KEYS[key as keyof RegisterSettings] : undefined;
    if (!spec) {
      const guess = didYouMean(key, Object.keys(REGISTER_KEYS));
      problems.push({
        ruleId: 'schema',
        severity: 'error',
        message: `Unknown register setting \`${key}\`.${guess ? ` Did you mean \`${guess}\`?` : ' The settings are `dueSoonDays` and `minimumCover`.'}`,
        start: pair.key.start,
        end: pair.key.end,
      });
      continue;
    }
    const value = pair.value.kind === 'scalar' && !pair.value.quoted ? pair.value.value : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max) settings[key as keyof RegisterSettings] = value;
    else {
      const shown = pair.value.kind === 'scalar' ? String(pair.value.value) : pair.value.kind;
      problems.push({
        ruleId: 'schema',
        severity: 'error',
        message: `\`register.${key}\` is the number of ${spec.what}: a whole number from ${spec.min} to ${spec.max}; got \`${shown}\`.`,
        start: pair.value.start,
        end: Math.max(pair.value.end, pair.value.start + 1),
      });
    }
  }
  config.register = settings;
}

function severityOf(node: YamlNode): SeveritySetting | undefined {
  if (node.kind !== 'scalar') return undefined;
  // `off` in YAML 1.1 is false; accept both spellings people write.
  if (node.value === false) return 'off';
  const value = String(node.value).toLowerCase();
  if (value === 'warn') return 'warning';
  return SEVERITIES.find((s) => s === value);
}
