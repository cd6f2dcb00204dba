import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../../node/packageInfo';
import { writeTextFile, WriteError } from '../../node/output';
import { InputError } from '../../node/files';
import { UsageError } from '../errors';
import { stemOf } from '../../shared/documentKinds';

/** The starters `init` offers: a department model each, from the bundled samples, or a blank page. */
export const TEMPLATES = {
  blank: { file: 'client/templates/blank.roles.yaml', title: 'a blank protocol: one role, one step, nothing else' },
  reference: { file: 'samples/reference-department.roles.yaml', title: 'the reference department: dosimetrist-led adaptation, MPE on call for plan checks' },
  'radiographer-led': {
    file: 'samples/radiographer-led.roles.yaml',
    title: 'a radiographer-led service: advanced radiographers adapt, the clinician reviews offline',
  },
  'clinician-present': {
    file: 'samples/clinician-present-cervix.roles.yaml',
    title: 'a clinician-present service: the radiographer drives, the consultant edits and approves',
  },
} as const;
export type TemplateId = keyof typeof TEMPLATES;

export interface InitOptions {
  template: string;
  /** The file to write (relative to `cwd`). */
  out: string;
  force: boolean;
  cwd: string;
  /** YYYY-MM-DD: the review date is set two years from it. */
  today: string;
}

/**
 * `role-protocols init`: writes a starter protocol that lints clean. The
 * template's own document-control block (another department's approvals
 * and dates) is replaced by a draft of the user's: status draft, version
 * 0.1, a review due within two years, with comments saying what to fill in.
 */
export function runInit(options: InitOptions): { written: string; template: TemplateId } {
  if (!Object.hasOwn(TEMPLATES, options.template))
    throw new UsageError(`unknown template \`${options.template}\`; use one of ${Object.keys(TEMPLATES).join(', ')}`, 'init');
  const template = options.template as TemplateId;
  const source = path.join(packageRoot(), TEMPLATES[template].file);
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (error) {
    throw new InputError(
      `the ${template} template is missing from this installation (${(error as NodeJS.ErrnoException).code ?? String(error)}); reinstall role-protocols`,
    );
  }
  const id = idFrom(options.out);
  const starter = starterFrom(text, { template, id, today: options.today });
  const target = path.resolve(options.cwd, options.out);
  try {
    writeTextFile(target, starter, { overwrite: options.force, shownAs: options.out });
  } catch (error) {
    if (error instanceof WriteError) throw new InputError(error.message);
    throw error;
  }
  return { written: options.out, template };
}

/** A document id from the file name: `oart-prostate.roles.yaml` gives `oart-prostate`. */
function idFrom(file: string): string {
  const kebab = stemOf(file)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab || 'new-protocol';
}

/** The date two years from `today`, less a day (Towards Safer Radiotherapy: review at least every two years). */
export function twoYearsFrom(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year + 2, month - 1, day));
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The template with a fresh draft document block and a header that says where it came from. */
function starterFrom(text: string, starter: { template: TemplateId; id: string; today: string }): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^document:\s*$/.test(line));
  const title = /^\s+title:\s*(.+)$/.exec(lines.slice(start + 1).find((line) => /^\s+title:/.test(line)) ?? '')?.[1] ?? 'Role protocol';
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || /^[ \t]/.test(lines[end] ?? ''))) end++;
  // The template's references stay: its roles name the employer's procedures among them (`procedures`).
  const from = lines.slice(start + 1, end).findIndex((line) => /^ {2}references:\s*$/.test(line));
  const references: string[] = [];
  if (start >= 0 && from >= 0) {
    references.push("  # The employer's procedures the roles name under `procedures`: change them to your own.");
    for (const line of lines.slice(start + 1 + from, end)) {
      if (references.length > 1 && !/^ {3,}\S|^ {2}- /.test(line)) break;
      references.push(line);
    }
  }
  const block = [
    'document:',
    `  id: ${starter.id}`,
    `  title: ${title.replace(/^["']|["']$/g, '')} (draft)`,
    '  version: "0.1"',
    '  # draft, then in-review, then approved once its approvals are recorded.',
    '  status: draft',
    '  # Who keeps this protocol up to date (a post, not a person).',
    '  owner: Head of Radiotherapy Physics',
    '  # When approved, add `approvals` (role or post, name, date) and `effectiveDate`;',
    '  # the review is due at most two years after the protocol comes into use.',
    `  reviewDue: ${twoYearsFrom(starter.today)}`,
    ...references,
    '',
  ];
  const header = [
    `# Started from the ${starter.template} template by \`role-protocols init\` on ${starter.today}.`,
    '# Change the roles, steps, training rows and sites to your department: the',
    '# checks say what is missing as you go (`role-protocols lint`, or the editor).',
    '#',
  ];
  const body = start < 0 ? lines : [...lines.slice(0, start), ...block, ...lines.slice(end)];
  // The template's own first comments describe another department: the header replaces them.
  let first = 0;
  while (first < body.length && /^#/.test(body[first] ?? '')) first++;
  return [...header, ...body.slice(first)].join('\n');
}
