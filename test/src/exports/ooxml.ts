import * as zlib from 'node:zlib';
import { nth } from '../helpers/nth';

/**
 * Just enough of ZIP and XML to look inside a .docx without a dependency:
 * read the parts, check each XML part is well formed, and pull the text of
 * every Word table cell out of word/document.xml.
 */

/** The parts of a ZIP archive by name (stored and deflated entries only, as Office files use). */
export function unzip(data: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const parts = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    const content = method === 0 ? Buffer.from(raw) : method === 8 ? zlib.inflateRawSync(raw) : undefined;
    if (!content) throw new Error(`${name}: unsupported compression method ${method}`);
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes, the directory says ${size}`);
    if (parts.has(name)) throw new Error(`${name} appears twice`);
    parts.set(name, content);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/;

/**
 * The ways an XML text is not well formed (empty when it is): unbalanced or
 * misnested tags, bad names, unquoted or repeated attributes, a bare `<` or
 * `&`, characters XML forbids, not exactly one root element, a DOCTYPE.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const text = (s: string, at: number) => {
    if (BAD_CHAR.test(s)) problems.push(`character XML forbids near offset ${at}`);
    for (let k = s.indexOf('&'); k >= 0; k = s.indexOf('&', k + 1)) if (!ENTITY.test(s.slice(k))) problems.push(`bare & at offset ${at + k}`);
  };
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length && problems.length < 20) {
    const lt = xml.indexOf('<', i);
    const chunk = xml.slice(i, lt < 0 ? xml.length : lt);
    if (chunk.trim() !== '' && stack.length === 0) problems.push(`text outside the root element at offset ${i}`);
    text(chunk, i);
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const close = xml.indexOf('?>', lt);
      if (close < 0) return [...problems, 'unclosed processing instruction'];
      i = close + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt);
      if (close < 0) return [...problems, 'unclosed comment'];
      i = close + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt);
      if (close < 0) return [...problems, 'unclosed CDATA'];
      i = close + 3;
    } else if (xml.startsWith('<!', lt)) {
      return [...problems, `declaration (DOCTYPE) at offset ${lt}`];
    } else {
      // A tag: find its end outside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      for (; j < xml.length; j++) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = '';
          else if (c === '<') problems.push(`< inside an attribute value at offset ${j}`);
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        else if (c === '<') problems.push(`< inside a tag at offset ${j}`);
      }
      if (j >= xml.length) return [...problems, `unclosed tag at offset ${lt}`];
      const tag = xml.slice(lt + 1, j);
      i = j + 1;
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at offset ${lt}`);
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
      if (!NAME.test(name)) problems.push(`bad element name \`${name}\` at offset ${lt}`);
      const attributes = body.slice(name.length);
      const seen = new Set<string>();
      const attribute = /\s*([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
      let k = 0;
      while (k < attributes.length) {
        if (attributes.slice(k).trim() === '') break;
        attribute.lastIndex = k;
        const m = attribute.exec(attributes);
        if (!m) {
          problems.push(`bad attribute syntax in <${name}> at offset ${lt}`);
          break;
        }
        // The name and one of the two quoted values always take part in a match.
        const [, attributeName = '', , doubleQuoted, singleQuoted] = m;
        if (!NAME.test(attributeName)) problems.push(`bad attribute name \`${attributeName}\` in <${name}>`);
        if (seen.has(attributeName)) problems.push(`attribute \`${attributeName}\` repeated in <${name}>`);
        seen.add(attributeName);
        text(doubleQuoted ?? singleQuoted ?? '', lt);
        k = attribute.lastIndex;
      }
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length > 0) problems.push(`unclosed elements: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g, (_m, e: string) =>
    e === 'amp'
      ? '&'
      : e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'quot'
            ? '"'
            : e === 'apos'
              ? "'"
              : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/** The text of a piece of WordprocessingML: `w:t` runs joined, `w:br` as a line break, paragraphs joined by line breaks. */
export function wordText(xml: string): string {
  const paragraphs = xml.split(/<\/w:p>/).filter((p) => /<w:p[\s>]/.test(p));
  return paragraphs
    .map((p) => {
      let out = '';
      for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t\s*\/>|<w:br\s*\/>|<w:tab\s*\/>/g)) {
        if (m[0].startsWith('<w:br')) out += '\n';
        else if (m[0].startsWith('<w:tab')) out += '\t';
        else out += unescapeXml(m[1] ?? '');
      }
      return out;
    })
    .join('\n');
}

export interface WordTable {
  /** The widths of w:tblGrid, in twips. */
  grid: number[];
  rows: { header: boolean; cantSplit: boolean; cells: { text: string; paragraphs: number; xml: string }[] }[];
  /** Offset of the table in document.xml. */
  offset: number;
}

/** Every top-level table of a document.xml (nested tables are not expected). */
export function wordTables(xml: string): WordTable[] {
  const tables: WordTable[] = [];
  for (const m of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const body = nth(m, 1);
    if (body.includes('<w:tbl>')) throw new Error('nested table');
    const grid = [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(body)?.[1] ?? '').matchAll(/<w:gridCol w:w="(\d+)"/g)].map((g) => Number(g[1]));
    const rows = [...body.matchAll(/<w:tr[\s>]([\s\S]*?)<\/w:tr>/g)].map((r) => {
      const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(nth(r, 1))?.[1] ?? '';
      const cells = [...nth(r, 1).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({
        text: wordText(nth(c, 1)),
        paragraphs: (nth(c, 1).match(/<w:p[\s>]/g) ?? []).length,
        xml: nth(c, 1),
      }));
      return { header: /<w:tblHeader(\s*\/>|\s+w:val="(true|1|on)")/.test(trPr), cantSplit: /<w:cantSplit/.test(trPr), cells };
    });
    tables.push({ grid, rows, offset: m.index! });
  }
  return tables;
}

export interface WordSection {
  /** Offset in document.xml where the section's properties are written (its end). */
  end: number;
  width: number;
  height: number;
  orient?: string;
  margins: { left: number; right: number };
}

/** The sections of a document.xml in order, each with its page size, orientation and side margins. */
export function wordSections(xml: string): WordSection[] {
  return [...xml.matchAll(/<w:sectPr[\s>][\s\S]*?<\/w:sectPr>/g)].map((m) => {
    const size = /<w:pgSz([^>]*)\/>/.exec(m[0])?.[1] ?? '';
    const margin = /<w:pgMar([^>]*)\/>/.exec(m[0])?.[1] ?? '';
    const attr = (s: string, name: string) => (/\s/.test(s) ? new RegExp(`w:${name}="([^"]*)"`).exec(s)?.[1] : undefined);
    return {
      end: m.index!,
      width: Number(attr(size, 'w')),
      height: Number(attr(size, 'h')),
      orient: attr(size, 'orient'),
      margins: { left: Number(attr(margin, 'left')), right: Number(attr(margin, 'right')) },
    };
  });
}
