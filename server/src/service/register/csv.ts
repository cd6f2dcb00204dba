/**
 * A CSV reader for the spreadsheets departments already keep (RFC 4180, and
 * what Excel and LibreOffice write): fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes (`""`); records end with CRLF, LF
 * or CR; a byte order mark is dropped. Written here rather than taken from a
 * package: the format is small, the service may import only its parser and
 * schema libraries, and a problem must be placed on the spreadsheet's row.
 *
 * Rows are numbered as a spreadsheet shows them: the header is row 1 and the
 * first record after it row 2, however many lines a quoted field spans.
 */

export interface CsvRow {
  /** The spreadsheet's row number (the first record is 1). */
  row: number;
  fields: string[];
}

export interface CsvProblem {
  row: number;
  message: string;
}

export interface CsvTable {
  rows: CsvRow[];
  problems: CsvProblem[];
  delimiter: string;
}

/**
 * The delimiter of a file, from its first line: a comma, unless that line has
 * none and has semicolons (Excel in many European locales) or tabs.
 */
export function detectDelimiter(text: string): string {
  const firstLine = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  if (outside.includes(',')) return ',';
  if (outside.includes(';')) return ';';
  if (outside.includes('\t')) return '\t';
  return ',';
}

/**
 * Reads CSV text into rows of fields. A record whose fields are all empty (a
 * blank line) is kept out of `rows`: it holds nothing. Malformed quoting is
 * a problem on its row; the row is still returned as best read, so that a
 * caller reports it with everything else rather than stopping at the first.
 */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  const n = text.length;
  /** Ends the record that has been read; `atEnd` for the last one without a line break. */
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f !== '')) rows.push({ row, fields });
    fields = [];
    field = '';
    row++;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // A quoted field: up to the closing quote, `""` standing for one quote.
      const start = row;
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        field += q;
        i++;
      }
      if (!closed) {
        problems.push({ row: start, message: 'a quoted field is never closed: a `"` is missing, so the rest of the file was read as one field' });
        break;
      }
      // After the closing quote: the delimiter, the end of the record, or text that should not be there.
      if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        let stray = '';
        while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') stray += text[i++];
        problems.push({ row, message: `text after a closing quote (\`${stray}\`): quote the whole field, and double any quote inside it (\`""\`)` });
        field += stray;
      }
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '"') problems.push({ row, message: 'a `"` inside a field that does not start with one: quote the whole field and double the quote (`""`)' });
    field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { rows, problems, delimiter };
}
