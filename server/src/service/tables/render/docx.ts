import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell as DocxCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { BinaryTableRenderer, TableCell, TableData, TableSet } from '../types';
import {
  approvalLines,
  CHANGE_COLUMNS,
  changeRows,
  controlFields,
  documentName,
  emptyText,
  GAP_MARK,
  minimumWidths,
  NOT_STATED,
  privacyStatement,
  registerFields,
  registerTitle,
  splitWide,
  tableDescription,
  xmlSafe,
  type ControlField,
} from './document';

/** A4 in twentieths of a point (twips), portrait; the landscape pages swap them. */
const A4 = { width: 11906, height: 16838 };
/** 18 mm margins all round. */
const MARGIN = 1020;
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN, landscape: A4.height - 2 * MARGIN };

const FONT = 'Arial';
/** Sizes in half-points. */
const BODY_SIZE = 20;
const TABLE_SIZE = 18;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const HEADER_FILL = 'D9D9D9';
const LABEL_FILL = 'F2F2F2';
const GAP_FILL = 'F8D7D7';
const TRAINED_FILL = 'E2F0D9';
/** A register cell's fill by where the person stands: light tints under black text, so the contrast stays high; the words say it all. */
const STANDING_FILL: Readonly<Record<string, string>> = {
  current: 'E2F0D9',
  'due-soon': 'FFF2CC',
  overdue: 'F8D7D7',
  missing: 'F8D7D7',
  'in-training': 'DDEBF7',
};
const STANDING_BOLD: ReadonlySet<string> = new Set(['overdue', 'missing']);

type Orientation = keyof typeof TEXT_WIDTH;

/** The tables that need the width of a landscape page: the roles, the responsibility matrix and the sites; a register's entitlements and training status. */
const LANDSCAPE: ReadonlySet<string> = new Set(['roles', 'matrix', 'sites', 'entitlements', 'training-status']);
const orientationOf = (table: TableData): Orientation => (LANDSCAPE.has(table.id) ? 'landscape' : 'portrait');

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** Runs for text as written: XML-safe, each line break a real break. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

function paragraph(text: string, style: RunStyle & { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  const { alignment, ...run } = style;
  return new Paragraph({ children: runs(text, run), alignment, spacing: { before: 0, after: 0 } });
}

/**
 * Column widths in twips that add up to `total`. Each column first gets room
 * for its longest word (so words are not broken mid-word), then the rest of
 * the width is shared by content: by each column's longest cell, capped so
 * that one long text cannot squeeze the others. When even the longest words
 * do not fit, the columns shrink in proportion.
 */
export function columnWidths(columns: readonly string[], rows: readonly (readonly { text: string }[])[], total: number): number[] {
  const texts = columns.map((header, c) => [header, ...rows.map((cells) => cells[c]?.text ?? '')]);
  const minimums = minimumWidths(columns, rows);
  const weights = texts.map((list) => Math.min(48, Math.max(4, ...list.map((t) => [...t].length))));
  const needed = minimums.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (needed >= total) {
    widths = minimums.map((m) => Math.floor((m / needed) * total));
  } else {
    const spare = total - needed;
    const weightSum = weights.reduce((a, b) => a + b, 0);
    widths = minimums.map((m, i) => m + Math.floor(((weights[i] ?? 0) / weightSum) * spare));
  }
  // The rounding's remainder goes to the last column.
  const last = widths.length - 1;
  if (last >= 0) widths[last] = (widths[last] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * "Overdue since 2026-10-01" as two lines, the date on the second: Word and
 * LibreOffice break a line at a hyphen, and a narrow column would otherwise
 * print "2026-10-" and "01".
 */
export function dateOnItsOwnLine(text: string): string {
  return text.replace(/ (\d{4}-\d{2}-\d{2})$/gm, '\n$1');
}

function headerRow(columns: readonly string[], widths: readonly number[], centreFrom = Infinity): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (text, i) =>
        new DocxCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          children: [paragraph(text, { bold: true, size: TABLE_SIZE, alignment: i >= centreFrom ? AlignmentType.CENTER : undefined })],
        }),
    ),
  });
}

function bodyCell(table: TableData, cell: TableCell, column: number, width: number): DocxCell {
  const size = TABLE_SIZE;
  let children: Paragraph[];
  let fill: string | undefined;
  if (cell.status === 'gap') {
    fill = GAP_FILL;
    children = [
      new Paragraph({
        children: [new TextRun({ text: `${GAP_MARK.toUpperCase()}: `, bold: true, size }), ...runs(cell.text, { bold: true, size })],
        spacing: { before: 0, after: 0 },
      }),
    ];
  } else {
    if (cell.status === 'trained') fill = TRAINED_FILL;
    else if (cell.status !== undefined) fill = STANDING_FILL[cell.status];
    const matrixPart = table.id === 'matrix' && column > 0;
    const bold = column === 0 || matrixPart || (cell.status !== undefined && STANDING_BOLD.has(cell.status));
    const standing = cell.status !== undefined && cell.status in STANDING_FILL;
    children = [paragraph(standing ? dateOnItsOwnLine(cell.text) : cell.text, { size, bold, alignment: matrixPart ? AlignmentType.CENTER : undefined })];
  }
  return new DocxCell({
    width: { size: width, type: WidthType.DXA },
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    children,
  });
}

function wordTable(widths: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function dataTable(table: TableData, width: number): Table {
  const widths = columnWidths(table.columns, table.rows, width);
  const rows = [
    headerRow(table.columns, widths, table.id === 'matrix' ? 1 : Infinity),
    ...table.rows.map(
      (cells) => new TableRow({ cantSplit: true, children: table.columns.map((_, i) => bodyCell(table, cells[i] ?? { text: '' }, i, widths[i] ?? 0)) }),
    ),
  ];
  return wordTable(widths, rows);
}

const spaced = (text: string, style: RunStyle = {}): Paragraph => new Paragraph({ children: runs(text, style), spacing: { before: 120, after: 120 } });

/** A two-column table of labels and values; a value not stated reads *Not stated*. */
function fieldsTable(fields: ControlField[], width: number): Table {
  const value = (v: string | undefined): Paragraph =>
    v === undefined || v === '' ? paragraph(NOT_STATED, { italics: true, size: TABLE_SIZE }) : paragraph(v, { size: TABLE_SIZE });
  const labelWidth = 2400;
  const controlWidths: [number, number] = [labelWidth, Math.min(width, TEXT_WIDTH.portrait) - labelWidth];
  return wordTable(
    controlWidths,
    fields.map(
      (field) =>
        new TableRow({
          cantSplit: true,
          children: [
            new DocxCell({
              width: { size: controlWidths[0], type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: LABEL_FILL },
              children: [paragraph(field.label, { bold: true, size: TABLE_SIZE })],
            }),
            new DocxCell({ width: { size: controlWidths[1], type: WidthType.DXA }, children: [value(field.value)] }),
          ],
        }),
    ),
  );
}

/** A register's block in place of the document-control block: what the export holds, then what the register is. */
function registerBlock(set: TableSet, width: number): (Paragraph | Table)[] {
  const about = set.register!;
  return [
    new Paragraph({ children: runs(privacyStatement(about), { bold: true }), spacing: { before: 0, after: 200 } }),
    new Paragraph({ text: 'About this register', heading: HeadingLevel.HEADING_1 }),
    fieldsTable(registerFields(about), width),
    spaced('The tables name people by staff number only. The states are those of the day above: on a later day more may be due.', { italics: true }),
  ];
}

function controlBlock(set: TableSet, width: number): (Paragraph | Table)[] {
  if (set.register) return registerBlock(set, width);
  const value = (v: string | undefined): Paragraph =>
    v === undefined || v === '' ? paragraph(NOT_STATED, { italics: true, size: TABLE_SIZE }) : paragraph(v, { size: TABLE_SIZE });
  const control = fieldsTable(controlFields(set.document), width);
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({ text: 'Document control', heading: HeadingLevel.HEADING_1 }),
    control,
    new Paragraph({ text: 'Approvals', heading: HeadingLevel.HEADING_2 }),
  ];
  const approvals = approvalLines(set);
  if (approvals.length === 0) {
    blocks.push(spaced(`${NOT_STATED}: the document records no approvals.`, { italics: true }));
  } else {
    const columns = ['Approved by', 'Role', 'Date'];
    const widths = columnWidths(
      columns,
      approvals.map((a) => [{ text: a.name ?? NOT_STATED }, { text: a.role ?? NOT_STATED }, { text: a.date ?? NOT_STATED }]),
      Math.min(width, TEXT_WIDTH.portrait),
    );
    blocks.push(
      wordTable(widths, [
        headerRow(columns, widths),
        ...approvals.map(
          (a) =>
            new TableRow({
              cantSplit: true,
              children: [a.name, a.role, a.date].map((v, i) => new DocxCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children: [value(v)] })),
            }),
        ),
      ]),
    );
  }
  // The change history, only where the document keeps one.
  const changes = changeRows(set.document);
  if (changes.length > 0) {
    const columns = [...CHANGE_COLUMNS];
    const widths = columnWidths(
      columns,
      changes.map((cells) => cells.map((c) => ({ text: c ?? NOT_STATED }))),
      Math.min(width, TEXT_WIDTH.portrait),
    );
    blocks.push(
      new Paragraph({ text: 'Change history', heading: HeadingLevel.HEADING_2 }),
      wordTable(widths, [
        headerRow(columns, widths),
        ...changes.map(
          (cells) =>
            new TableRow({
              cantSplit: true,
              children: cells.map((v, i) => new DocxCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children: [value(v)] })),
            }),
        ),
      ]),
    );
  }
  return blocks;
}

function tableBlock(whole: TableData, width: number): (Paragraph | Table)[] {
  // A table too wide for the page (a register's training status with many skills) is printed in parts.
  return splitWide(whole, width).flatMap((table) => partBlock(table, width));
}

function partBlock(table: TableData, width: number): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({ children: runs(table.title), heading: HeadingLevel.HEADING_1, keepNext: true }),
    new Paragraph({ children: runs(tableDescription(table), { italics: true }), keepNext: true, spacing: { after: 120 } }),
    dataTable(table, width),
  ];
  if (table.rows.length === 0) blocks.push(spaced(emptyText(table), { italics: true }));
  if (table.legend && table.legend.length > 0)
    blocks.push(new Paragraph({ children: [new TextRun({ text: 'Legend: ', bold: true }), ...runs(table.legend.join('   ·   '))], spacing: { before: 120 } }));
  return blocks;
}

/**
 * A document that is not approved says so on every page, as QMS documents do:
 * a draft must not be mistaken for the protocol in force.
 */
function header(set: TableSet): Header | undefined {
  // A register's pages are personal data: every page says so, and the day its states are for.
  if (set.register)
    return new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: privacyStatement(set.register), bold: true, size: 18 })] })],
    });
  const status = set.document.status;
  if (status === 'approved') return undefined;
  const word = status === 'retired' ? 'RETIRED: NOT FOR USE' : status === 'in-review' ? 'DRAFT: IN REVIEW, NOT APPROVED' : 'DRAFT: NOT APPROVED';
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: word, bold: true, size: 28, color: 'C00000' })] })],
  });
}

function footer(set: TableSet): Footer {
  const name = set.register
    ? `${registerTitle(set.register)}, as on ${set.register.asOf}`
    : [set.document.id ?? documentName(set.document), set.document.version ? `version ${set.document.version}` : ''].filter(Boolean).join(', ');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          // The controlled copy is the protocol itself; a printed page may be out of date.
          new TextRun({ text: 'Uncontrolled when printed.    ', size: 16, italics: true }),
          new TextRun({ text: `${xmlSafe(name)}    Page `, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
          new TextRun({ text: ' of ', size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
}

/** The Word document: portrait pages, with a landscape section for each run of wide tables. */
export function buildDocument(set: TableSet): Document {
  const name = set.register ? registerTitle(set.register) : documentName(set.document);
  const heading = set.register ? `${name}, as on ${set.register.asOf}` : set.document.version ? `${name}, version ${set.document.version}` : name;
  const sections: { orientation: Orientation; children: (Paragraph | Table)[] }[] = [];
  const sectionFor = (orientation: Orientation) => {
    const last = sections[sections.length - 1];
    if (last && last.orientation === orientation) return last;
    const section = { orientation, children: [] as (Paragraph | Table)[] };
    sections.push(section);
    return section;
  };
  const first = sectionFor(set.tables[0] ? orientationOf(set.tables[0]) : 'portrait');
  first.children.push(new Paragraph({ children: runs(heading), heading: HeadingLevel.TITLE }), ...controlBlock(set, TEXT_WIDTH[first.orientation]));
  for (const table of set.tables) {
    const orientation = orientationOf(table);
    sectionFor(orientation).children.push(...tableBlock(table, TEXT_WIDTH[orientation]));
  }
  const heading1 = { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 120 } } };
  return new Document({
    title: xmlSafe(`${name}: ${set.register ? 'tables' : 'summary tables'}`),
    subject: set.register ? 'Tables of a register of people: personal data' : 'Summary tables of a role protocol',
    creator: 'role-protocols',
    description: set.register
      ? `${privacyStatement(set.register)} Generated by role-protocols from the register.`
      : 'Generated by role-protocols from the protocol. Change the protocol, not this file, and export again.',
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1,
        heading2: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections: sections.map((section): ISectionOptions => ({
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: section.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
        },
      },
      footers: { default: footer(set) },
      ...(header(set) ? { headers: { default: header(set)! } } : {}),
      children: section.children,
    })),
  });
}

/**
 * Word (.docx): the document-control block and each table under a heading, as
 * real Word tables with borders, widths that fit the page, and a header row
 * that repeats on every page. The roles, the responsibility matrix and the
 * sites (seven columns or more) are on landscape pages.
 */
export const docxRenderer: BinaryTableRenderer = {
  format: 'docx',
  extension: 'docx',
  binary: true,
  render(set: TableSet): Promise<Uint8Array> {
    return Packer.pack(buildDocument(set), 'uint8array');
  },
};
