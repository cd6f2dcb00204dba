import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../server/out/service/engine/lint';
import { registerTableSet, REGISTER_TABLE_IDS, type RegisterTablesInput, type TableSet } from '../../../server/out/service/tables/index';
import type { RegisterTableId } from '../../../server/out/service/tables/types';
import { ROOT } from './fixtures';

/** The reference department's register, checked against its protocol on the test date. */
export const REFERENCE_REGISTER = path.join(ROOT, 'samples/reference-department.register.yaml');
export const TODAY = '2026-11-26';

/**
 * What the register tables are made of, for a register text: its protocols
 * come from `files` (by the name the register writes) or else from the
 * register's own folder on disk.
 */
export function registerInput(fileName: string, text: string, options: { files?: Record<string, string>; today?: string } = {}): RegisterTablesInput {
  const files = options.files ?? {};
  const readInclude = (includePath: string) => {
    if (Object.prototype.hasOwnProperty.call(files, includePath)) return { file: includePath, text: files[includePath]! };
    const file = path.resolve(path.dirname(fileName), includePath);
    return fs.existsSync(file) ? { file, text: fs.readFileSync(file, 'utf8') } : { error: 'no such file.' };
  };
  const today = options.today ?? TODAY;
  const result = lintText(text, { fileName, today, readInclude });
  const register = result.register;
  assert.ok(register, `${fileName} was not read as a register`);
  assert.ok(register.complete, `${fileName}: its protocol could not be read: ${result.findings.map((f) => f.message).join('; ')}`);
  return { register: register.model, basis: register.basis, settings: register.settings, today };
}

export function registerSet(input: RegisterTablesInput, ids: readonly RegisterTableId[] = REGISTER_TABLE_IDS): TableSet {
  return registerTableSet(input, ids);
}

/** The reference register's input on the test date (or another day). */
export function referenceRegister(today = TODAY): RegisterTablesInput {
  return registerInput(REFERENCE_REGISTER, fs.readFileSync(REFERENCE_REGISTER, 'utf8'), { today });
}

/**
 * A wide register: a protocol of `skills` skills (one training row each,
 * reassessed yearly, the role `operator` needs every one) and `people`
 * operators, each with training in most skills at dates that give every
 * state on the test date. For the print and page tests: the training status
 * is `skills` + 2 columns.
 */
export function wideRegister(skills = 40, people = 30): { protocol: string; register: string } {
  const skillIds = Array.from({ length: skills }, (_, i) => `skill-${String(i + 1).padStart(2, '0')}`);
  const names = ['Deformable registration review', 'Synthetic CT checking', 'Contour propagation', 'Motion monitoring', 'Plan adaptation'];
  const protocol = [
    'format: role-protocol/1',
    'document:',
    '  id: wide-protocol',
    '  title: A protocol of many skills',
    '  version: "1.0"',
    '  status: draft',
    'roles:',
    '  - id: operator',
    '    title: Operator',
    '    staffGroups: [therapeutic radiographer]',
    'skills:',
    ...skillIds.flatMap((id, i) => [`  - id: ${id}`, `    name: ${names[i % names.length]} ${i + 1}`]),
    'methods:',
    '  - id: course',
    '    name: Course',
    'records:',
    '  - id: log',
    '    name: Training log',
    'training:',
    ...skillIds.flatMap((id) => ['  - roles: [operator]', `    skill: ${id}`, '    methods: [course]', '    records: [log]', '    reassessEveryMonths: 12']),
    '',
  ].join('\n');
  // Completion dates across the year before the test date: some current, some due soon, some overdue; every seventh missing.
  const completed = (p: number, s: number): string | undefined => {
    if ((p + s) % 7 === 0) return undefined;
    const monthsBefore = (p * 3 + s) % 14; // 0 .. 13 months before the test date's month (November 2026)
    const date = new Date(Date.UTC(2026, 10 - monthsBefore, 1 + ((p + s) % 25)));
    return date.toISOString().slice(0, 10);
  };
  const ids = Array.from({ length: people }, (_, i) => `W${String(i + 1).padStart(3, '0')}`);
  const register = [
    'format: role-register/1',
    'protocol: wide.roles.yaml',
    'register:',
    '  department: Wide department',
    'people:',
    ...ids.map((id) => `  - id: ${id}`),
    'entitlements:',
    ...ids.flatMap((id) => [`  - person: ${id}`, '    role: operator', '    from: 2024-01-01']),
    'training:',
    ...ids.flatMap((id, p) =>
      skillIds.flatMap((skill, s) => {
        const date = completed(p, s);
        return date ? [`  - person: ${id}`, `    skill: ${skill}`, '    method: course', `    completed: ${date}`] : [];
      }),
    ),
    '',
  ].join('\n');
  return { protocol, register };
}

/** The wide register's input on the test date. */
export function wideInput(skills = 40, people = 30): RegisterTablesInput {
  const { protocol, register } = wideRegister(skills, people);
  return registerInput('wide.register.yaml', register, { files: { 'wide.roles.yaml': protocol } });
}
