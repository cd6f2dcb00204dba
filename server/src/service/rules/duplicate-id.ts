import type { Rule, RuleReport } from './types';
import { baseName, lineOf } from '../util/text';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  category: 'integrity',
  kinds: ['protocol', 'catalogue', 'register'],
  description:
    'Each role, step, skill, method, record, site and reference id is defined once, across the document and the catalogues it includes (a reference within each file).',
  rationale: 'References are by id; with two entries under one id nobody can tell which one a step or training row means.',
  check(context) {
    const reports: RuleReport[] = [];
    for (const [kind, byId] of context.definitions) {
      for (const [id, occurrences] of byId) {
        if (occurrences.length < 2) continue;
        // Only this document's copies can be marked here; a catalogue's own duplicates show when it is checked.
        const own = occurrences.filter((o) => o.file === undefined);
        // A reference is a citation: a protocol and the catalogue it includes may both cite the employer's procedures by
        // the same number, and the document's own entry is the one its roles' `procedures` name. Only a number listed
        // twice in one file is reported.
        const included = kind === 'reference' ? undefined : occurrences.find((o) => o.file !== undefined);
        const [first] = own;
        own.forEach((again, i) => {
          if (included) {
            reports.push({
              message: `The ${kind} id \`${id}\` is already defined in the included catalogue \`${baseName(included.file ?? '')}\`; use that entry or give this ${kind} a different id.`,
              path: again.path,
            });
          } else if (i > 0 && first) {
            reports.push({
              message: `The ${kind} id \`${id}\` is already defined on line ${lineOf(context.text, first.node.start) + 1}; give this ${kind} a different id.`,
              path: again.path,
            });
          }
        });
      }
    }
    return reports;
  },
};
