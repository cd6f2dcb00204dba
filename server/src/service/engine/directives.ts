import type { Directive } from '../rules/types';

const DIRECTIVE = /(^|\s)#\s*role-protocols-disable-next-line\b([^\n\r]*)/;

/**
 * Finds `# role-protocols-disable-next-line rule-a, rule-b` comments. A line
 * only counts when its `#` starts a YAML comment (start of line or after
 * white space); JSON has no comments, so JSON files have no directives.
 */
export function findDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  if (!text.includes('role-protocols-disable-next-line')) return directives;
  // Lines end as the engine's LineIndex ends them (CRLF, LF or a lone CR), so the line numbers agree.
  const lineBreak = /\r\n|\r|\n/g;
  let line = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    const content = text.slice(lineStart, lineEnd);
    const match = DIRECTIVE.exec(content);
    if (match) {
      // Group 2, what follows the directive's name, always takes part in a match (perhaps empty).
      const after = match[2] ?? '';
      const listStart = lineStart + match.index + match[0].length - after.length;
      const rules: Directive['rules'] = [];
      // The list may be followed by `-- reason`, as ESLint allows, or by another comment.
      const list = after.split(/\s--(\s|$)|\s#/)[0] ?? '';
      const idPattern = /[^\s,]+/g;
      for (let m = idPattern.exec(list); m; m = idPattern.exec(list)) {
        rules.push({ id: m[0], start: listStart + m.index, end: listStart + m.index + m[0].length });
      }
      directives.push({ line, rules });
    }
    if (!found) break;
    lineStart = lineEnd + found[0].length;
    line++;
  }
  return directives;
}
