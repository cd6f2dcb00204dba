import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

const catalogue = `format: role-catalogue/1
skills:
  - id: dir-evaluation
    name: DIR evaluation
`;
const withIncludes = (list: string) => protocolText({ header: SECTIONS.header + `includes: ${list}\n` });
const good = withIncludes('[catalogue.yaml]');
const missing = withIncludes('[catalogue.yaml, missing.yaml]');
const circularA = withIncludes('[a.catalogue.yaml]');
const notCatalogue = withIncludes('[other.roles.yaml]');
const brokenCatalogue = withIncludes('[broken.yaml]');

describeRule('unresolved-include', {
  valid: [{ name: 'an include that resolves to a catalogue', text: good, files: { 'catalogue.yaml': catalogue } }],
  invalid: [
    {
      name: 'a missing file, on its include entry',
      text: missing,
      files: { 'catalogue.yaml': catalogue },
      errors: [{ ...span(missing, 'missing.yaml'), message: 'Cannot include `missing.yaml`: no such file.' }],
    },
    {
      name: 'a circle of catalogues',
      text: circularA,
      files: {
        'a.catalogue.yaml': 'format: role-catalogue/1\nincludes: [b.catalogue.yaml]\n',
        'b.catalogue.yaml': 'format: role-catalogue/1\nincludes: [a.catalogue.yaml]\n',
      },
      errors: [
        {
          ...span(circularA, 'a.catalogue.yaml'),
          message:
            'Circular include: `a.catalogue.yaml` → `b.catalogue.yaml` → `a.catalogue.yaml`. A catalogue must not include, directly or not, a file that includes it.',
        },
      ],
    },
    {
      name: 'a protocol where a catalogue is expected',
      text: notCatalogue,
      files: { 'other.roles.yaml': 'format: role-protocol/1\n' },
      errors: [
        {
          ...span(notCatalogue, 'other.roles.yaml'),
          message: '`other.roles.yaml` is not a department catalogue: give it `format: role-catalogue/1` and only roles, skills, methods, records and sites.',
        },
      ],
    },
    {
      name: 'a catalogue that does not parse, with its line',
      text: brokenCatalogue,
      files: { 'broken.yaml': 'format: role-catalogue/1\nroles: [a,\n' },
      errors: [
        { ...span(brokenCatalogue, 'broken.yaml'), message: 'The included file `broken.yaml` cannot be read: line 2: This list is never closed: add `]`.' },
      ],
    },
  ],
});
