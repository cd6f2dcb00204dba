import type { ProjectConfig } from '../service/config/config';
import { knownRuleIds } from '../service/rules/index';
import type { SeveritySetting } from '../service/rules/types';

/** The `workspace/configuration` section the server asks for. */
export const SETTINGS_SECTION = 'roleProtocols';

/**
 * The editor settings, after defaults. A client that sends nothing gets
 * these: every rule at its default severity, no include search path, and
 * diagnostics 200 ms after the last keystroke.
 */
export interface Settings {
  /** `roleProtocols.rules`: rule id to error, warning, info or off. */
  rules: Map<string, SeveritySetting>;
  /** `roleProtocols.includePath`: folders searched for includes not found beside the document. */
  includePath: string[];
  /** `roleProtocols.diagnostics.debounceMs`: wait after an edit before pushing diagnostics (0: at once). */
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;

export const defaultSettings = (): Settings => ({ rules: new Map(), includePath: [], debounceMs: DEFAULT_DEBOUNCE_MS });

const SEVERITY_WORDS: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', warn: 'warning', info: 'info', information: 'info', off: 'off' };

/**
 * Reads the `roleProtocols` section as a client sent it, layered over `base`.
 * Anything malformed is skipped with a note (the client's settings UI cannot
 * always stop a user typing `"eror"`), so bad settings never stop linting.
 */
export function readSettings(raw: unknown, base: Settings = defaultSettings(), warn: (message: string) => void = () => {}): Settings {
  const settings: Settings = { rules: new Map(base.rules), includePath: [...base.includePath], debounceMs: base.debounceMs };
  if (!isObject(raw)) return settings;
  const rules = raw.rules;
  if (isObject(rules)) {
    for (const [id, value] of Object.entries(rules)) {
      if (!knownRuleIds.has(id)) {
        warn(`roleProtocols.rules: there is no rule \`${id}\`; it is ignored.`);
        continue;
      }
      const severity = value === false ? 'off' : typeof value === 'string' ? SEVERITY_WORDS[value.toLowerCase()] : undefined;
      if (!severity) {
        warn(`roleProtocols.rules.${id}: \`${String(value)}\` is not one of error, warning, info, off; it is ignored.`);
        continue;
      }
      settings.rules.set(id, severity);
    }
  }
  if (Array.isArray(raw.includePath)) settings.includePath = raw.includePath.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  else if (typeof raw.includePath === 'string' && raw.includePath.trim() !== '') settings.includePath = [raw.includePath];
  const diagnostics = raw.diagnostics;
  const debounce = isObject(diagnostics) ? diagnostics.debounceMs : undefined;
  if (typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0) settings.debounceMs = Math.min(debounce, 10_000);
  return settings;
}

/**
 * The severities a document is checked with. The project's configuration
 * file (`.roleprotocols.yaml`) wins over the editor's `roleProtocols.rules`:
 * the file is what the team agreed and what the CLI and CI apply, so the
 * editor never shows a rule the project set to `error` as anything else.
 * The editor setting decides for the rules the file does not name, which
 * lets a person quieten (or sharpen) what the project left at its default.
 */
export function effectiveConfig(project: ProjectConfig, settings: Settings): ProjectConfig {
  const rules = new Map(settings.rules);
  for (const [id, severity] of project.rules) rules.set(id, severity);
  return { rules, ...(project.source ? { source: project.source } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
