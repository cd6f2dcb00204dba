import { describeRule, span } from '../helpers/ruleTester';
import { protocolText, SECTIONS } from '../helpers/protocolText';

/** A clean protocol padded with comment lines to about `kb` kilobytes. */
function padded(kb: number, before = ''): string {
  const base = before + protocolText();
  const line = `# ${'x'.repeat(97)}\n`; // 100 bytes
  return base + line.repeat(Math.ceil((kb * 1024 - base.length) / line.length));
}

const oversized = padded(2100, '# A large file: the finding sits on its first line that is not a comment.\n\n');
const underLimit = padded(2000);
const withNul = protocolText({ roles: SECTIONS.roles.replace('title: Adapter', 'title: Adap\u0000ter') });
const withReplacement = protocolText({
  roles: SECTIONS.roles.replace('title: Adapter', 'title: Caf\ufffd adapter').replace('title: Physicist', 'title: Physicist \ufffd'),
});

describeRule('document-limits', {
  valid: [
    { name: 'a protocol of ordinary size', text: protocolText() },
    { name: 'a file just under the 2048 KB default', text: underLimit },
    {
      name: 'accented letters, dashes and emoji written as UTF-8',
      text: protocolText({ roles: SECTIONS.roles.replace('title: Adapter', 'title: Adaptér – naïve 😀') }),
    },
  ],
  invalid: [
    {
      name: 'a file over the size limit is not checked; the finding says the size and the limit',
      text: oversized,
      errors: [
        {
          ...span(oversized, 'format: role-protocol/1'),
          message:
            /^This file is 2,101 KB, over the 2,048 KB limit for one document, so it is not checked; split it into catalogues listed under `includes`, or raise `maxFileSizeKb` in \.roleprotocols\.yaml\.$/,
        },
      ],
    },
    {
      name: 'a NUL character: binary data, not checked',
      text: withNul,
      errors: [
        {
          ...span(withNul, '\u0000'),
          message:
            /^The file holds a NUL character here, so it is binary data rather than a protocol and it is not checked; if it should be a protocol, save it as UTF-8 text/,
        },
      ],
    },
    {
      name: 'U+FFFD where bytes were not UTF-8: reported once, with the count, and the rest still checked',
      text: withReplacement,
      errors: [
        {
          ...span(withReplacement, '\ufffd'),
          message:
            'This character (U+FFFD) is what is left where bytes could not be read as UTF-8 (2 places in the file): the file is, or once was, saved in another encoding such as Windows-1252. Save it as UTF-8 and type the right character here.',
        },
      ],
    },
  ],
});
