/**
 * js-yaml reports where reading stopped, which is often a line after the
 * mistake a person made. For the commonest typing slips, move the finding to
 * the mistake and say what it is.
 */
export interface SyntaxHint {
  message: string;
  start: number;
  end: number;
}

export function explainSyntaxError(text: string, position: number, reason: string): SyntaxHint | undefined {
  if (/multiline key may not be an implicit key|expected ':'/i.test(reason)) {
    return missingColon(text, position);
  }
  if (/deficient indentation|unexpected end of the stream/i.test(reason)) {
    return unclosed(text, position);
  }
  if (/bad indentation of a sequence entry/i.test(reason)) {
    return misalignedKey(text, position);
  }
  return undefined;
}

/**
 * js-yaml calls a key indented less than the keys of the list entry above it
 * "bad indentation of a sequence entry", though the line is no list entry: say
 * it is a key out of line with the entry's other keys.
 */
function misalignedKey(text: string, position: number): SyntaxHint | undefined {
  const lineStart = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const key = /^(\s*)([^\s#:-][^:#]*?):(\s|$)/.exec(line);
  if (!key) return undefined;
  // The nearest line above that holds a key: its column is where this entry's keys start.
  let above = lineStart - 1;
  while (above > 0) {
    const start = text.lastIndexOf('\n', above - 1) + 1;
    const previous = text.slice(start, above).replace(/\r$/, '');
    above = start - 1;
    const content = /^(\s*(?:-\s+)*)(\S)/.exec(previous);
    if (!content || content[2] === '#') continue;
    const expected = (content[1] ?? '').length;
    const indent = (key[1] ?? '').length;
    if (expected <= indent) return undefined;
    return {
      message: `\`${key[2] ?? ''}\` is indented ${indent} ${indent === 1 ? 'space' : 'spaces'}, but the keys of the list entry above it are indented ${expected}; line it up with them.`,
      start: lineStart + indent,
      end: lineStart + indent + (key[2] ?? '').length,
    };
  }
  return undefined;
}

/**
 * The line at or before the error that holds text but no `key:` is the one
 * missing its colon. The error's own line may hold the next key, which has its colon.
 */
function missingColon(text: string, position: number): SyntaxHint | undefined {
  let lineStart = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  for (let guard = 0; guard < 50; guard++) {
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const content = line.replace(/^\s*(-\s+)*/, '');
    const code = content.startsWith('#') ? '' : content.replace(/\s+#.*$/, '').trimEnd();
    if (code !== '') {
      if (!/:(\s|$)/.test(code)) {
        const start = lineStart + line.length - content.length;
        return {
          message: `\`${code}\` has no \`:\` after it. A key needs a colon (\`${code}: …\`), or this line is indented wrongly.`,
          start,
          end: start + code.length,
        };
      }
      if (lineEnd < position) return undefined;
    }
    if (lineStart === 0) return undefined;
    lineEnd = lineStart - 1;
    lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  }
  return undefined;
}

/** Finds a quote or flow bracket that was opened before the error and never closed. */
function unclosed(text: string, position: number): SyntaxHint | undefined {
  const open: { char: string; at: number }[] = [];
  let quote: { char: string; at: number } | undefined;
  for (let i = 0; i < Math.min(position, text.length); i++) {
    const c = text.charAt(i);
    if (quote) {
      if (quote.char === "'" && c === "'" && text[i + 1] === "'") i++;
      else if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char) quote = undefined;
      continue;
    }
    const prev = i === 0 ? '\n' : text.charAt(i - 1);
    if (c === '#' && /\s/.test(prev)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    // A quote opens a scalar only where a value starts (after `: `, `- `, `[`, `,` or at a line's start).
    if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = { char: c, at: i };
    else if ((c === '[' || c === '{') && /[\s[{,:]/.test(prev)) open.push({ char: c, at: i });
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
  }
  if (quote) {
    return {
      message: `This quoted text is never closed: add the closing ${quote.char === '"' ? 'double' : 'single'} quote.`,
      start: quote.at,
      end: quote.at + 1,
    };
  }
  const last = open[open.length - 1];
  if (last) {
    const closer = last.char === '[' ? ']' : '}';
    return { message: `This ${last.char === '[' ? 'list' : 'mapping'} is never closed: add \`${closer}\`.`, start: last.at, end: last.at + 1 };
  }
  return undefined;
}
