import * as path from 'path';
import type { Finding } from '../service/engine/lint';
import type { ConfigProblem } from '../service/config/config';
import { LineIndex } from '../service/text/lineIndex';
import type { LoadedConfig } from '../node/config';
import type { LintFileResult, LintMessage } from './formatters/types';

/** A finding with 1-based lines and columns, as every formatter reports it. */
export function toMessage(finding: Finding): LintMessage {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

export function fileResult(filePath: string, messages: LintMessage[]): LintFileResult {
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
  };
}

/** The problems of a configuration file, placed in that file like any other findings. */
export function configResult(loaded: LoadedConfig): LintFileResult {
  const lines = new LineIndex(loaded.text);
  const messages = loaded.problems.map((p: ConfigProblem) =>
    toMessage({ ruleId: p.ruleId, severity: p.severity, message: p.message, range: lines.range(p.start, p.end) }),
  );
  return fileResult(path.resolve(loaded.file), messages);
}

/** Only the errors (`--quiet`). */
export function errorsOnly(result: LintFileResult): LintFileResult {
  return fileResult(
    result.filePath,
    result.messages.filter((m) => m.severity === 'error'),
  );
}
