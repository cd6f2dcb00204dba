/**
 * Where the cursor is in a JSON document, for completion. Like
 * `cursorContext` for YAML it works on text being typed, which rarely parses:
 * it reads the tokens before the cursor, keeping a stack of the objects and
 * arrays open at that point, then looks ahead only to close the string the
 * cursor is in and to find the keys the object already has after it.
 */
import type { CursorContext } from './cursorContext';

type Frame = { kind: 'object'; key?: string; expectingKey: boolean; keys: Set<string>; keyWritten?: boolean } | { kind: 'array'; index: number };

/** The JSON cursor context; undefined where nothing can be offered (inside a number, after a value with no comma). */
export function jsonCursorContext(text: string, offset: number): CursorContext | undefined {
  const stack: Frame[] = [];
  /** Start of the string the cursor is in (its opening quote), or -1. */
  let openString = -1;
  /** A value has just ended in the current container: a comma or a closing bracket must come next. */
  let afterValue = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < offset) {
    const c = text.charAt(i);
    if (c === '"') {
      let end = stringEnd(text, i);
      if (end === -1) {
        // JSON strings do not cross lines: one left open on an earlier line ends there.
        const lineEnd = lineEndFrom(text, i);
        if (lineEnd >= offset) {
          openString = i;
          break;
        }
        end = lineEnd;
      } else if (end > offset) {
        openString = i;
        break;
      }
      const top = stack[stack.length - 1];
      const value = decode(text.slice(i, end));
      if (top?.kind === 'object' && top.expectingKey) {
        top.key = value;
        top.keys.add(value);
        top.keyWritten = true;
      } else afterValue = true;
      i = end;
      continue;
    }
    if (c === '{') stack.push({ kind: 'object', expectingKey: true, keys: new Set() });
    else if (c === '[') stack.push({ kind: 'array', index: 0 });
    else if (c === '}' || c === ']') {
      stack.pop();
      afterValue = true;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') {
        top.expectingKey = true;
        top.key = undefined;
        top.keyWritten = false;
      } else if (top?.kind === 'array') top.index++;
      afterValue = false;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') {
        top.expectingKey = false;
        top.keyWritten = false;
      }
      afterValue = false;
    } else if (/[^\s]/.test(c)) {
      // A number, true, false or null: skip the word.
      let e = i;
      while (e < offset && /[^\s,:[\]{}"]/.test(text.charAt(e))) e++;
      if (e === offset) break; // the word being typed
      afterValue = true;
      i = e;
      continue;
    }
    if (c === '{' || c === '[') afterValue = false;
    i++;
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  // What is typed already: a string from its opening quote, or a bare word (`tru`).
  let replaceStart: number;
  let partial: string;
  let replaceEnd = offset;
  if (openString !== -1) {
    replaceStart = openString;
    partial = text.slice(openString + 1, offset);
    // The editor usually closed the quote already: replace up to it, on the same line.
    const close = stringEnd(text, openString);
    const lineEnd = text.slice(offset).search(/[\r\n]/);
    replaceEnd = close !== -1 && (lineEnd === -1 || close <= offset + lineEnd) ? close : offset;
  } else {
    // After a value (or a key) with no comma (or colon) yet, nothing can start here.
    if (afterValue || (top.kind === 'object' && top.expectingKey && top.keyWritten)) return undefined;
    let s = offset;
    while (s > 0 && /[A-Za-z0-9_-]/.test(text.charAt(s - 1))) s--;
    replaceStart = s;
    partial = text.slice(s, offset);
  }
  const path = pathOf(stack);
  const column = replaceStart - (text.lastIndexOf('\n', replaceStart - 1) + 1);
  const common = { partial, replaceStart, replaceEnd, inFlowList: false, column, afterDash: false };
  if (top.kind === 'array') return { ...common, path, mode: 'item', existingKeys: new Set(), inFlowList: true };
  if (top.expectingKey) return { ...common, path, mode: 'key', existingKeys: keysOfObject(text, replaceEnd, top.keys) };
  return { ...common, path, mode: 'value', key: top.key ?? '', existingKeys: new Set() };
}

/** The path of the innermost container: each object's current key, each array's index. */
function pathOf(stack: Frame[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (const frame of stack.slice(0, -1)) {
    path.push(frame.kind === 'object' ? (frame.key ?? '') : frame.index);
  }
  return path;
}

/** Offset just past the closing quote of the string opening at `start`, or -1 if it is not closed on its line. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return -1;
    if (c === '\\') {
      // An escape never takes the line break with it.
      if (text[i + 1] === '\n' || text[i + 1] === '\r') return -1;
      i++;
    } else if (c === '"') return i + 1;
  }
  return -1;
}

/** The end of the line `from` is on (its line break, or the end of the text). */
function lineEndFrom(text: string, from: number): number {
  const rest = text.slice(from).search(/[\r\n]/);
  return rest === -1 ? text.length : from + rest;
}

function decode(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/** The keys of the object the cursor is in: those before it, and those after it up to the object's end. */
function keysOfObject(text: string, from: number, before: Set<string>): Set<string> {
  const keys = new Set(before);
  let depth = 0;
  let expectingKey = true;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end === -1) break;
      if (depth === 0 && expectingKey) keys.add(decode(text.slice(i, end)));
      i = end - 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && c === ',') expectingKey = true;
    else if (depth === 0 && c === ':') expectingKey = false;
  }
  return keys;
}
