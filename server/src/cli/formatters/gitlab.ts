import { createHash } from 'crypto';
import * as path from 'path';
import type { Severity } from '../../service/rules/types';
import type { Formatter } from './types';
import { jsonVisible } from './visible';

/** GitLab's severities (blocker, critical, major, minor, info): an error blocks nothing by itself, as ESLint's GitLab formatters map it. */
const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** One issue of GitLab's Code Quality report (the Code Climate issue format, the fields GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor' | 'info';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * The path GitLab shows and links: relative to the working folder (the
 * repository root in a CI job), with forward slashes. Never absolute, so the
 * fingerprint is the same on every runner whatever folder it checks out into.
 */
export function reportPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  return path.relative(cwd, filePath).split(path.sep).join('/');
}

/**
 * GitLab's Code Quality report: a JSON array of issues, each `{description,
 * check_name, fingerprint, severity, location: {path, lines: {begin, end}}}`.
 * GitLab compares the fingerprints of a merge request's report with the
 * target branch's to say which findings are new and which are fixed, so a
 * fingerprint must not change when unrelated lines move: it is the SHA-256 of
 * the rule id, the relative path, the message and the finding's occurrence
 * (the first, second, … finding with that rule and message in that file),
 * never the line number or an absolute path.
 */
export const gitlab: Formatter = (results, options) => {
  const issues: CodeQualityIssue[] = [];
  for (const file of results) {
    const where = reportPath(file.filePath, options.cwd);
    const seen = new Map<string, number>();
    for (const m of file.messages) {
      const key = `${m.ruleId}\u0000${m.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      issues.push({
        description: m.message,
        check_name: m.ruleId,
        fingerprint: createHash('sha256')
          .update([m.ruleId, where, m.message, String(occurrence)].join('\u0000'))
          .digest('hex'),
        severity: GITLAB_SEVERITY[m.severity],
        location: { path: where, lines: { begin: m.line, end: m.endLine } },
      });
    }
  }
  return jsonVisible(JSON.stringify(issues, null, 2)) + '\n';
};
