import type { Protocol } from '../model/protocol';
import { baseName } from '../util/text';
import { mergeIncluded, readIncluded, resolveIncludes, type IncludeCache, type IncludedFile, type IncludeProblem, type IncludeReader } from './includes';
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
    // Read as an include is (parsed once per text with the cache); the model is copied before the merge changes its indexes.
    const parsed = readIncluded(file, result.text, cache);
    if (parsed.outcome === 'syntax') {
      problem(
        `The protocol \`${baseName(file)}\` cannot be read (line ${parsed.line}: ${parsed.message}), so nobody in this register is checked against it; mend the protocol first.`,
      );
      return;
    }
    const kind = parsed.outcome === 'read' ? parsed.included.kind : parsed.outcome === 'too-large' ? parsed.kind : undefined;
    if (kind !== 'protocol') {
      problem(`\`${baseName(file)}\` is not a role protocol: a register is checked against a file with \`format: role-protocol/1\`.`);
      return;
    }
    if (parsed.outcome !== 'read') {
      problem(`The protocol \`${baseName(file)}\` expands beyond the size or nesting limit through its aliases, so it is not read.`);
      return;
    }
    const protocol = withOwnIndexes(parsed.included.protocol);
    const included = protocol.includes.length > 0 ? resolveIncludes(file, protocol.includes, read, cache) : { files: [], problems: [] };
    if (included.problems.length > 0)
      problem(
        `The protocol \`${baseName(file)}\` has includes that cannot be followed (${included.problems[0]!.message}); the roles and skills they define are unknown here until the protocol is mended.`,
      );
    mergeIncluded(protocol, included.files);
    const entry: IncludedFile = { ...parsed.included, protocol };
    protocols.push(entry);
    files.push(entry);
    for (const catalogue of included.files) if (!files.some((f) => f.file === catalogue.file)) files.push(catalogue);
  });
  return { files, protocols, problems };
}

/** The protocol with indexes of its own, so that merging its catalogues leaves the cached read as it was. */
function withOwnIndexes(protocol: Protocol): Protocol {
  return {
    ...protocol,
    roleById: new Map(protocol.roleById),
    skillById: new Map(protocol.skillById),
    methodById: new Map(protocol.methodById),
    recordById: new Map(protocol.recordById),
    siteById: new Map(protocol.siteById),
    referenceById: new Map(protocol.referenceById),
  };
}
