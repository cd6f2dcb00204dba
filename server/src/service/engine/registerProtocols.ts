import { languageOf, parseDocument } from '../parse/parseDocument';
import { toValue } from '../parse/toValue';
import { buildProtocol } from '../model/protocol';
import { collectIds } from '../model/ids';
import { baseName } from '../util/text';
import { decideKind } from './documentKind';
import { mergeIncluded, resolveIncludes, type IncludeCache, type IncludedFile, type IncludeProblem, type IncludeReader } from './includes';
import type { Register } from '../register/model';

/**
 * Reads the protocols a register names (`protocol:`), each with the
 * catalogues it includes, through the same reader as includes: the host
 * records every file read, so an edit to the protocol or one of its
 * catalogues re-checks the register. A protocol that cannot be read is a
 * problem placed on its path in the register.
 */
export function resolveRegisterProtocols(
  registerFile: string | undefined,
  register: Register,
  read: IncludeReader,
  cache?: IncludeCache,
): { files: IncludedFile[]; protocols: IncludedFile[]; problems: IncludeProblem[] } {
  const files: IncludedFile[] = [];
  const protocols: IncludedFile[] = [];
  const problems: IncludeProblem[] = [];
  register.protocols.forEach(({ path: protocolPath, at }, index) => {
    const problem = (message: string) => problems.push({ index, path: at, message });
    const result = read(protocolPath, registerFile);
    if ('error' in result) {
      problem(`Cannot read the protocol \`${protocolPath}\`: ${result.error}`);
      return;
    }
    const file = result.file;
    if (files.some((f) => f.file === file)) return;
    const parsed = parseDocument(result.text, languageOf(file));
    const syntax = parsed.problems.find((p) => p.ruleId === 'syntax');
    if (!parsed.root || syntax) {
      const line = syntax ? result.text.slice(0, syntax.start).split('\n').length : 1;
      problem(
        `The protocol \`${baseName(file)}\` cannot be read (line ${line}: ${syntax?.message ?? 'it is empty.'}), so nobody in this register is checked against it; mend the protocol first.`,
      );
      return;
    }
    if (decideKind(file, parsed.root, result.text) !== 'protocol') {
      problem(`\`${baseName(file)}\` is not a role protocol: a register is checked against a file with \`format: role-protocol/1\`.`);
      return;
    }
    let data: unknown;
    try {
      data = toValue(parsed.root, parsed.anchors);
    } catch {
      problem(`The protocol \`${baseName(file)}\` expands beyond the size or nesting limit through its aliases, so it is not read.`);
      return;
    }
    const protocol = buildProtocol(data);
    const included = protocol.includes.length > 0 ? resolveIncludes(file, protocol.includes, read, cache) : { files: [], problems: [] };
    if (included.problems.length > 0)
      problem(
        `The protocol \`${baseName(file)}\` has includes that cannot be followed (${included.problems[0]!.message}); the roles and skills they define are unknown here until the protocol is mended.`,
      );
    mergeIncluded(protocol, included.files);
    for (const entry of [...protocol.roles, ...protocol.skills, ...protocol.methods, ...protocol.records, ...protocol.sites, ...protocol.workflow])
      entry.file = file;
    const entry: IncludedFile = { file, text: result.text, kind: 'protocol', protocol, ids: collectIds(parsed.root, 'protocol', file) };
    protocols.push(entry);
    files.push(entry);
    for (const catalogue of included.files) if (!files.some((f) => f.file === catalogue.file)) files.push(catalogue);
  });
  return { files, protocols, problems };
}
