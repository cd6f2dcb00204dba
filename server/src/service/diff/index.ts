import { lintText, type Finding, type LintOptions, type LintResult } from '../engine/lint';
import { locate } from '../parse/tree';
import { AREAS } from './kinds';
import { protocolDiffer } from './protocol';
import { registerDiffer } from './register';
import { DiffError, type Change, type DiffResult, type DiffSide, type DocumentDiffer, type VersionSummary } from './types';

export * from './types';
export * from './kinds';

/** The differ of each kind of document. */
export const differs: readonly DocumentDiffer[] = [protocolDiffer, registerDiffer];

/**
 * What changed from one version of a document to another, in the domain's
 * words, each change classified and placed in both versions. Throws DiffError
 * when a version cannot be read (syntax) or the two are different kinds.
 */
export function diffVersions(old: DiffSide, next: DiffSide): DiffResult {
  for (const side of [old, next]) {
    if (!side.result.protocol || !side.result.parsed.root) {
      const syntax = side.result.findings.find((f) => f.ruleId === 'syntax' || f.ruleId === 'document-limits');
      throw new DiffError(
        `${side.label} cannot be compared: ${syntax ? `line ${syntax.range.start.line + 1}: ${syntax.message}` : 'it could not be read as a document'}`,
      );
    }
  }
  const kind = next.result.fileKind;
  if (kind === undefined || kind === 'configuration') throw new DiffError(`${next.label} is not a role protocol, catalogue or register`);
  if (old.result.fileKind !== kind)
    throw new DiffError(
      `${old.label} is a ${old.result.fileKind ?? 'file of another kind'} and ${next.label} a ${kind}: only two versions of one kind of document can be compared`,
    );
  const differ = differs.find((d) => d.kinds.includes(kind));
  if (!differ) throw new DiffError(`${next.label}: there is no way yet to compare a ${kind}`);
  return { kind, old: summary(old), new: summary(next), changes: inReportOrder(differ.diff(old, next)) };
}

/** Checks both texts as the editor and the CLI do, then compares them. */
export function diffTexts(
  old: { text: string; label: string; options?: LintOptions },
  next: { text: string; label: string; options?: LintOptions },
): DiffResult {
  return diffVersions({ label: old.label, result: lintText(old.text, old.options) }, { label: next.label, result: lintText(next.text, next.options) });
}

function summary(side: DiffSide): VersionSummary {
  const protocol = side.result.protocol!;
  const register = side.result.fileKind === 'register' ? side.result.register : undefined;
  if (register) {
    const { model, basis } = register;
    return {
      label: side.label,
      document: protocol.document,
      roleTitles: new Map([...basis.roleById.values()].map((r) => [r.id, r.title])),
      register: {
        ...(model.info.department !== undefined ? { department: model.info.department } : {}),
        ...(model.info.owner !== undefined ? { owner: model.info.owner } : {}),
        ...(model.info.updated !== undefined ? { updated: model.info.updated } : {}),
        protocols: model.protocols.map((p) => p.path),
        people: model.people.length,
        entitlements: model.entitlements.length,
        training: model.training.length,
      },
    };
  }
  return { label: side.label, document: protocol.document, roleTitles: new Map([...protocol.roleById.values()].map((r) => [r.id, r.title])) };
}

/** By area, then the document's own entries before the catalogues', then by place (the new version's, the old one's for removals). */
function inReportOrder(changes: Change[]): Change[] {
  const area = new Map(AREAS.map((a, i) => [a, i]));
  const placeOf = (c: Change) => c.newPlace ?? c.oldPlace;
  return changes
    .map((change, index) => ({ change, index }))
    .sort((x, y) => {
      const byArea = area.get(x.change.area)! - area.get(y.change.area)!;
      if (byArea !== 0) return byArea;
      const px = placeOf(x.change);
      const py = placeOf(y.change);
      const fx = px?.file ?? '';
      const fy = py?.file ?? '';
      if (fx !== fy) return fx === '' ? -1 : fy === '' ? 1 : fx < fy ? -1 : 1;
      // Removals are placed in the old version: after what is placed in the new one.
      const oldOnly = Number(!x.change.newPlace) - Number(!y.change.newPlace);
      if (oldOnly !== 0) return oldOnly;
      return (px?.range.start.offset ?? 0) - (py?.range.start.offset ?? 0) || x.index - y.index;
    })
    .map((x) => x.change);
}

export const significantChanges = (diff: DiffResult): Change[] => diff.changes.filter((c) => c.significance === 'significant');

/** The id of the finding `lint --base` adds; not an engine rule (the engine never sees the base), but documented like one. */
export const VERSION_BUMP_RULE = 'version-bump';

/**
 * The version-bump check of `lint --base`: significant changes since the base
 * with the same `document.version` and no new entry in `document.changes` is
 * a finding, placed on `document.version` (or `document`). Undefined when the
 * document has no document control (a catalogue) or the check passes.
 */
export function versionBumpFinding(diff: DiffResult, result: LintResult, baseLabel: string): Finding | undefined {
  const before = diff.old.document;
  const after = diff.new.document;
  if (!after.present) return undefined;
  const significant = significantChanges(diff);
  if (significant.length === 0) return undefined;
  if (before.version !== after.version) return undefined;
  const entry = (c: NonNullable<typeof after.changes>[number]) => JSON.stringify([c.version, c.date, c.summary, c.approvedBy]);
  const old = new Set((before.changes ?? []).map(entry));
  if ((after.changes ?? []).some((c) => !old.has(entry(c)))) return undefined;
  const n = significant.length;
  const first = significant[0]!;
  const version = after.version === undefined ? 'states no version' : `is still ${after.version}`;
  const message =
    `${n} significant change${n === 1 ? '' : 's'} since ${baseLabel} (${first.message.replace(/\.$/, '')}${n > 1 ? `, and ${n - 1} more` : ''}), ` +
    `but \`document.version\` ${version} and \`document.changes\` has no new entry: give the protocol a new version and record the change, ` +
    'so that it goes for review and approval (Towards Safer Radiotherapy). Run `role-protocols diff` to list the changes.';
  const root = result.parsed.root!;
  const { found, complete } = locate(root, ['document', 'version']);
  let start = 0;
  let end = 0;
  if (complete) [start, end] = [found.node.start, found.node.end];
  else if (found.key) [start, end] = [found.key.start, found.key.end];
  else {
    const first = root.kind === 'mapping' ? root.pairs[0] : undefined;
    if (first) [start, end] = [first.key.start, first.key.end];
  }
  return { ruleId: VERSION_BUMP_RULE, severity: 'error', message, range: result.lines.range(start, end) };
}
