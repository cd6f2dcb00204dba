import { registerStatus, type RegisterStatus } from '../../service/register/status';
import { STATE_TEXT } from '../../service/register/standing';
import { UsageError, type CommandEnvironment } from '../errors';
import { visibleLines } from '../formatters/visible';
import { CONTAINS, findingsNote, loadRegister, markdownTable, plural, textTable } from '../registers';

export interface StatusOptions extends Omit<CommandEnvironment, 'today' | 'color' | 'version'> {
  file: string;
  on: string;
  format: string;
}

export interface StatusOutcome {
  output: string;
  notes: string[];
  /** 1 when something needs acting on now (overdue, expired, entitled but untrained), else 0. */
  exitCode: 0 | 1;
}

export const STATUS_FORMATS = ['text', 'json', 'md'] as const;

/**
 * `role-protocols status REGISTER`: what is overdue, expired or due soon, for
 * a daily CI or cron job. Throws UsageError or InputError (a register, or a
 * protocol it names, that cannot be read) for exit code 2.
 */
export function runStatus(options: StatusOptions): StatusOutcome {
  if (!(STATUS_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`unknown format \`${options.format}\`; use one of ${STATUS_FORMATS.join(', ')}`, 'status');
  const loaded = loadRegister(options.file, options, options.on);
  const { model, basis, settings } = loaded.context;
  const status = registerStatus(model, basis, options.on, settings);
  const note = findingsNote(loaded);
  const output = options.format === 'json' ? statusJson(loaded.name, status) : statusDocument(loaded.name, status, options.format === 'md');
  return { output, notes: note ? [note] : [], exitCode: status.failing ? 1 : 0 };
}

const when = (days: number): string => (days < 0 ? `${plural(-days, 'day')} ago` : days === 0 ? 'today' : `in ${plural(days, 'day')}`);

interface Section {
  title: string;
  header: string[];
  rows: string[][];
}

function sections(status: RegisterStatus): Section[] {
  const reassessment = (r: RegisterStatus['overdue'][number]) => [r.person, r.roles.join(', '), r.skill, r.site ?? 'all', r.completed, r.due, when(r.days)];
  const reassessmentHeader = ['Person', 'Roles', 'Skill', 'Site', 'Completed', 'Due', 'When'];
  return [
    { title: 'Overdue reassessments', header: reassessmentHeader, rows: status.overdue.map(reassessment) },
    { title: `Reassessments due within ${status.dueSoonDays} days`, header: reassessmentHeader, rows: status.dueSoon.map(reassessment) },
    {
      title: 'Training missing or under way, for people entitled today',
      header: ['Person', 'Roles', 'Skill', 'Site', 'State', 'Supervised', 'Supervisors'],
      rows: status.training.map((t) => [
        t.person,
        t.roles.join(', '),
        t.skill,
        t.site ?? 'all',
        STATE_TEXT[t.state],
        t.supervised ? 'yes' : 'NO',
        t.supervisors.join(', ') || '-',
      ]),
    },
    {
      title: `Registrations expired or expiring within ${status.dueSoonDays} days`,
      header: ['Person', 'Registration', 'Expires', 'When', 'State'],
      rows: status.registrations.map((r) => [r.person, r.register, r.expires, when(r.days), r.state === 'expired' ? 'Expired' : 'Expiring']),
    },
    {
      title: `Entitlements ending within ${status.dueSoonDays} days`,
      header: ['Person', 'Role', 'Until', 'When'],
      rows: status.entitlementsEnding.map((e) => [e.person, e.role, e.until, when(e.days)]),
    },
  ];
}

/** What needs acting on now, in words: the reason for exit code 1. */
function verdict(status: RegisterStatus): string {
  const expired = status.registrations.filter((r) => r.state === 'expired').length;
  const untrained = status.training.filter((t) => !t.supervised).length;
  const parts = [
    status.overdue.length ? `${plural(status.overdue.length, 'reassessment')} overdue` : '',
    expired ? `${plural(expired, 'registration')} expired` : '',
    untrained ? `${plural(untrained, 'skill')} untrained for people entitled without supervision` : '',
  ].filter(Boolean);
  return parts.length ? `Needs action: ${parts.join(', ')}.` : 'Nothing overdue or expired.';
}

function statusDocument(name: string, status: RegisterStatus, markdown: boolean): string {
  const title = `Status of ${name} on ${status.on} (due soon: by ${status.windowEnds}, within ${status.dueSoonDays} days)`;
  const out: string[] = [markdown ? `# ${title}` : title];
  for (const section of sections(status)) {
    out.push('');
    const heading = `${section.title} (${section.rows.length})`;
    if (markdown) {
      out.push(`## ${heading}`, '');
      out.push(section.rows.length ? markdownTable(section.header, section.rows) : 'None.');
    } else {
      out.push(heading);
      out.push(section.rows.length ? textTable(section.header, section.rows, '  ') : '  none');
    }
  }
  out.push('', markdown ? `**${verdict(status)}**` : verdict(status));
  // A report mailed or saved says what it holds.
  out.push('', markdown ? `_${CONTAINS}_` : CONTAINS);
  return `${visibleLines(out.join('\n'))}\n`;
}

function statusJson(name: string, status: RegisterStatus): string {
  return `${JSON.stringify({ file: name, contains: CONTAINS, ...status }, null, 2)}\n`;
}
