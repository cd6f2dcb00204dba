import type { DiffResult } from '../types';
import type * as Docx from './docx';
import { renderHtml } from './html';
import { renderJson, renderMarkdown, renderText } from './text';

export { renderHtml, type HtmlReportOptions } from './html';
export { renderJson, renderMarkdown, renderText } from './text';
export { headline, placeText } from './common';

/** The report formats of `role-protocols diff --format`. */
export const DIFF_FORMATS = ['text', 'md', 'json', 'html', 'docx'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A report as text, or as bytes for Word (loaded on first use, as the table export does). */
export async function renderDiff(diff: DiffResult, format: DiffFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return renderText(diff);
    case 'md':
      return renderMarkdown(diff);
    case 'json':
      return renderJson(diff);
    case 'html':
      return renderHtml(diff);
    case 'docx':
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the docx package only when Word is asked for
      return (require('./docx') as typeof Docx).renderDocx(diff);
  }
}
