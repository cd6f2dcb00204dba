import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectDelimiter, parseCsv } from '../../../server/out/service/register/csv';

/** RFC 4180 as a spreadsheet writes it: a field with a delimiter, quote or line break is quoted, its quotes doubled. */
function writeCsv(rows: string[][], delimiter = ',', eol = '\r\n'): string {
  const field = (f: string) => (/[",;\t\r\n]/.test(f) || f.startsWith(' ') ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(delimiter)).join(eol) + eol;
}

describe('register import: the CSV reader', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, CRLF, and drops a byte order mark', () => {
    const text = '\uFEFFstaff_number,record,notes\r\nR01,"PK-1, certificate","said ""pass"""\r\nR02,"two\r\nlines",\r\n';
    const table = parseCsv(text);
    assert.deepEqual(table.problems, []);
    assert.deepEqual(table.rows, [
      { row: 1, fields: ['staff_number', 'record', 'notes'] },
      { row: 2, fields: ['R01', 'PK-1, certificate', 'said "pass"'] },
      { row: 3, fields: ['R02', 'two\r\nlines', ''] },
    ]);
  });

  it('numbers rows as the spreadsheet does (a record across lines is one row), skips blank ones, and reads a last line with no line break', () => {
    const table = parseCsv('a,b\n"x\ny",1\n\n,\nz,2');
    assert.deepEqual(
      table.rows.map((r) => [r.row, r.fields]),
      [
        [1, ['a', 'b']],
        [2, ['x\ny', '1']],
        [5, ['z', '2']],
      ],
    );
  });

  it('reads old Mac line ends (CR) and LF alike', () => {
    assert.deepEqual(
      parseCsv('a,b\rc,d\ne,f').rows.map((r) => r.fields),
      [
        ['a', 'b'],
        ['c', 'd'],
        ['e', 'f'],
      ],
    );
  });

  it('says where quoting is broken: a stray quote, text after a closing quote, a quote never closed', () => {
    assert.deepEqual(parseCsv('a,b\nR0"1,x\n').problems, [
      { row: 2, message: 'a `"` inside a field that does not start with one: quote the whole field and double the quote (`""`)' },
    ]);
    assert.deepEqual(parseCsv('a,b\n"R01"x,y\n').problems, [
      { row: 2, message: 'text after a closing quote (`x`): quote the whole field, and double any quote inside it (`""`)' },
    ]);
    const open = parseCsv('a,b\nR01,y\nR02,"never closed\nR03,z\n');
    assert.equal(open.problems.length, 1);
    assert.match(open.problems[0]!.message, /never closed/);
    assert.equal(open.problems[0]!.row, 3);
  });

  it('takes the delimiter from the header: a comma, else a semicolon (Excel in many locales), else a tab', () => {
    assert.equal(detectDelimiter('a,b;c\n'), ',');
    assert.equal(detectDelimiter('\uFEFFa;b;c\n1,5;2\n'), ';');
    assert.equal(detectDelimiter('a\tb\n'), '\t');
    assert.equal(detectDelimiter('"a,b";c\n'), ';');
    assert.deepEqual(parseCsv('a;b\n"1;2";3\n').rows[1]!.fields, ['1;2', '3']);
  });

  it('reads back whatever a spreadsheet writes (random tables, every delimiter and line end)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '\u2028'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\r\n', '\n'),
        (rows, delimiter, eol) => {
          // Rows that are blank (every field empty) are skipped by the reader; a one-field row of '' is blank too.
          const table = parseCsv(writeCsv(rows, delimiter, eol), delimiter);
          assert.deepEqual(table.problems, []);
          const kept = rows.map((fields, i) => ({ row: i + 1, fields })).filter((r) => r.fields.some((f) => f !== ''));
          assert.deepEqual(table.rows, kept);
        },
      ),
      { numRuns: 300 },
    );
  });
});
