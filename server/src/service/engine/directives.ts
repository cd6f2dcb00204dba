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
  let line = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const content = text.slice(lineStart, lineEnd);
    const match = DIRECTIVE.exec(content);
    if (match) {
      const listStart = lineStart + match.index + match[0].length - match[2].length;
      const rules: Directive['rules'] = [];
      // The list may be followed by `-- reason`, as ESLint allows, or by another comment.
      const list = match[2].split(/\s--(\s|$)|\s#/)[0];
      const idPattern = /[^\s,]+/g;
      for (let m = idPattern.exec(list); m; m = idPattern.exec(list)) {
        rules.push({ id: m[0], start: listStart + m.index, end: listStart + m.index + m[0].length });
      }
      directives.push({ line, rules });
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return directives;
}
