import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { columnWidths } from '../../tables/render/docx';
import { xmlSafe } from '../../tables/render/document';
import type { DiffResult } from '../types';
import { CHANGE_TABLE_COLUMNS, changeCells, comparedLine, controlComparison, controlHeading, documentNoun, headline, reportTitle } from './common';

/** A4 in twips, 18 mm margins: the table exports' page. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1020;
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN, landscape: A4.height - 2 * MARGIN };
const FONT = 'Arial';
const TABLE_SIZE = 18;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const HEADER_FILL = 'D9D9D9';
const LABEL_FILL = 'F2F2F2';
const SIGNIFICANT_FILL = 'F8D7D7';

function runs(text: string, style: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

function cell(text: string, width: number, options: { bold?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    children: [new Paragraph({ children: runs(text, { bold: options.bold, size: TABLE_SIZE }), spacing: { before: 0, after: 0 } })],
  });
}

function table(
  columns: readonly string[],
  rows: readonly { cells: string[]; fill?: (column: number) => string | undefined; bold?: (column: number) => boolean }[],
  width: number,
): Table {
  const widths = columnWidths(
    columns,
    rows.map((r) => r.cells.map((text) => ({ text }))),
    width,
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, widths[i] ?? 0, { bold: true, fill: HEADER_FILL })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((text, i) => cell(text, widths[i] ?? 0, { fill: r.fill?.(i), bold: r.bold?.(i) })),
          }),
      ),
    ],
  });
}

/**
 * The summary of changes as a Word document for an approval paper: the title,
 * which versions, the headline, both versions' document control side by side
 * (portrait), then the change table on landscape pages, its header repeated.
 */
export function buildDiffDocument(diff: DiffResult): Document {
  const title = reportTitle(diff);
  const control = table(
    ['', 'Previous version', 'This version'],
    controlComparison(diff).map((r) => ({ cells: [r.label, r.old, r.new], fill: (i) => (i === 0 ? LABEL_FILL : undefined), bold: (i) => i === 0 })),
    TEXT_WIDTH.portrait,
  );
  const first: (Paragraph | Table)[] = [
    new Paragraph({ children: runs(title), heading: HeadingLevel.TITLE }),
    new Paragraph({ children: runs(comparedLine(diff)) }),
    new Paragraph({ children: runs(`${headline(diff)}.`, { bold: true }), spacing: { after: 120 } }),
    new Paragraph({ text: controlHeading(diff), heading: HeadingLevel.HEADING_1 }),
    control,
  ];
  const changes: (Paragraph | Table)[] = [new Paragraph({ text: 'Changes', heading: HeadingLevel.HEADING_1, keepNext: true })];
  if (diff.changes.length === 0) {
    changes.push(new Paragraph({ children: runs('No changes: the two versions say the same.', { italics: true }) }));
  } else {
    changes.push(
      new Paragraph({
        children: runs(
          "Significant: widens or narrows who may do or approve something, weakens or removes training, evidence, independence or MPE involvement, or changes a site's clinical basis. Minor: wording, titles, notes, or training and evidence added.",
          { italics: true },
        ),
        keepNext: true,
        spacing: { after: 120 },
      }),
      table(
        ['#', ...CHANGE_TABLE_COLUMNS],
        diff.changes.map((change, i) => ({
          cells: [String(i + 1), ...changeCells(change)],
          fill: (column) => (column === 5 && change.significance === 'significant' ? SIGNIFICANT_FILL : undefined),
          bold: (column) => column === 5 && change.significance === 'significant',
        })),
        TEXT_WIDTH.landscape,
      ),
    );
  }
  const name = [diff.new.document.id ?? diff.new.label, diff.new.document.version ? `version ${diff.new.document.version}` : ''].filter(Boolean).join(', ');
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: `Summary of changes: ${xmlSafe(name)}    Page `, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
          new TextRun({ text: ' of ', size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
        ],
      }),
    ],
  });
  const section = (orientation: 'portrait' | 'landscape', children: (Paragraph | Table)[]): ISectionOptions => ({
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
      },
    },
    footers: { default: footer },
    children,
  });
  return new Document({
    title: xmlSafe(title),
    subject: `Summary of changes between two versions of a role ${documentNoun(diff)}`,
    creator: 'role-protocols',
    description: `Generated by role-protocols from the two versions of the ${documentNoun(diff)}.`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 120 } } },
      },
    },
    sections: [section('portrait', first), section('landscape', changes)],
  });
}

export function renderDocx(diff: DiffResult): Promise<Uint8Array> {
  return Packer.pack(buildDiffDocument(diff), 'uint8array');
}
