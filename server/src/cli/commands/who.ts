import { InputError } from '../../node/files';
import { resolveSite, resolveTarget, whoCan, type AblePerson, type WhoAnswer, type WhoGroup } from '../../service/register/who';
import { STATE_TEXT } from '../../service/register/standing';
import { UsageError, type CommandEnvironment } from '../errors';
import { visibleLines } from '../formatters/visible';
import { CONTAINS, findingsNote, loadRegister, plural, registersIn, textTable } from '../registers';

export interface WhoOptions extends Omit<CommandEnvironment, 'today' | 'color' | 'version'> {
  can?: string;
  /** Register files; none: the registers in the working folder. */
  registers: string[];
  site?: string;
  /** The day to answer for (already checked to be a real date). */
  on: string;
  format: string;
}

export interface WhoOutcome {
  output: string;
  notes: string[];
  /** 0: someone is able for every part asked; 1: some part has nobody. */
  exitCode: 0 | 1;
}

export const WHO_FORMATS = ['text', 'json'] as const;

/**
 * `role-protocols who --can ROLE|STEP`: the people entitled and current, by
 * id. Throws UsageError (an unknown role, step, site or format) or InputError
 * (a register that cannot be read) for exit code 2.
 */
export function runWho(options: WhoOptions): WhoOutcome {
  if (!(WHO_FORMATS as readonly string[]).includes(options.format))
    throw new UsageError(`unknown format \`${options.format}\`; use one of ${WHO_FORMATS.join(', ')}`, 'who');
  if (options.can === undefined || options.can.trim() === '') throw new UsageError('--can needs a role or step id, for example --can advanced-adapter', 'who');
  let files = options.registers;
  if (files.length === 0) {
    files = registersIn(options.cwd);
    if (files.length === 0) throw new UsageError('no register of people (*.register.yaml) in this folder: name one with --register FILE', 'who');
  }
  const answers: { name: string; answer: WhoAnswer }[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const loaded = loadRegister(file, options, options.on);
    const { model, basis, settings } = loaded.context;
    const target = resolveTarget(basis, options.can);
    if ('error' in target) throw new UsageError(`${loaded.name}: ${target.error}`, 'who');
    let site: string | undefined;
    if (options.site !== undefined) {
      const resolved = resolveSite(basis, options.site, target);
      if ('error' in resolved) throw new UsageError(`${loaded.name}: ${resolved.error}`, 'who');
      site = resolved.site;
    }
    answers.push({ name: loaded.name, answer: whoCan(model, basis, target, { ...(site !== undefined ? { site } : {}), on: options.on, settings }) });
    const note = findingsNote(loaded);
    if (note) notes.push(note);
  }
  if (answers.length === 0) throw new InputError('no register to read');
  const nobody = answers.some((a) => a.answer.nobody);
  const output = options.format === 'json' ? whoJson(answers, options) : whoText(answers);
  return { output, notes, exitCode: nobody ? 1 : 0 };
}

const targetWords = (answer: WhoAnswer): string =>
  answer.target.kind === 'role' ? `role ${answer.target.role.id} (${answer.target.role.title})` : `step ${answer.target.step.id} (${answer.target.step.name})`;

const groupWords = (group: WhoGroup): string =>
  group.approval === 'any' ? `${group.part}, as any one of ${group.roles.join(', ')}` : `${group.part}, as ${group.roles.join(', ')}`;

function personRow(p: AblePerson): string[] {
  return [
    p.id,
    p.role,
    p.sites ? p.sites.join(', ') : 'all',
    p.entitledFrom,
    STATE_TEXT[p.training],
    p.nextReassessment ? `${p.nextReassessment.due} (${p.nextReassessment.skill})` : '-',
  ];
}

const HEADER = ['ID', 'Role', 'Sites', 'Entitled from', 'Training', 'Next reassessment'];

function whoText(answers: { name: string; answer: WhoAnswer }[]): string {
  const blocks: string[] = [];
  for (const { name, answer } of answers) {
    const lines = [`${name}, on ${answer.on}: who can act in ${targetWords(answer)}, ${answer.site ? `at ${answer.site}` : 'at any site'}`];
    for (const group of answer.groups) {
      lines.push('');
      if (answer.target.kind === 'step')
        lines.push(`${groupWords(group)}: ${group.people.length ? plural(group.people.length, 'person', 'people') + ' able' : 'NOBODY able'}`);
      if (group.people.length) lines.push(textTable(HEADER, group.people.map(personRow), answer.target.kind === 'step' ? '  ' : ''));
      else if (answer.target.kind === 'role')
        lines.push(`Nobody is able to act as ${group.roles.join(', ')}${answer.site ? ` at ${answer.site}` : ''} on ${answer.on}.`);
    }
    if (answer.groups.length === 0) lines.push('', 'The step names no role that performs, edits, operates or approves it.');
    if (answer.target.kind === 'role' && answer.groups[0]?.people.length) lines.push('', `${plural(answer.groups[0].people.length, 'person', 'people')} able.`);
    if (answer.target.kind === 'step' && answer.nobody)
      lines.push('', `Nobody is able to fill every part of ${answer.target.step.id}${answer.site ? ` at ${answer.site}` : ''} on ${answer.on}.`);
    blocks.push(visibleLines(lines.join('\n')));
  }
  return `${blocks.join('\n\n')}\n`;
}

function whoJson(answers: { name: string; answer: WhoAnswer }[], options: WhoOptions): string {
  const report = {
    on: options.on,
    can: options.can,
    site: options.site ?? null,
    contains: CONTAINS,
    registers: answers.map(({ name, answer }) => ({
      file: name,
      target: answer.target.kind === 'role' ? { role: answer.target.role.id } : { step: answer.target.step.id },
      nobody: answer.nobody,
      groups: answer.groups.map((g) => ({
        ...(g.part ? { part: g.part } : {}),
        ...(g.approval ? { approval: g.approval } : {}),
        roles: g.roles,
        people: g.people.map((p) => ({
          id: p.id,
          role: p.role,
          sites: p.sites ?? null,
          entitledFrom: p.entitledFrom,
          training: p.training,
          nextReassessment: p.nextReassessment ?? null,
        })),
      })),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
