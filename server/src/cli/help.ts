import { TABLE_IDS } from '../service/tables/types';
import type * as TableCommand from './commands/table';
import type * as DiffCommand from './commands/diff';

/** The table command, loaded only when used: `lint` never needs the table code. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use, which `import` cannot give
export const tableCommand = (): typeof TableCommand => require('./commands/table') as typeof TableCommand;

/** The diff command, loaded only when used. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use, which `import` cannot give
export const diffCommand = (): typeof DiffCommand => require('./commands/diff') as typeof DiffCommand;

export const TOOL_USAGE = 'Usage: role-protocols <command> [options]';

export const TOOL_HELP = `${TOOL_USAGE}

Check and summarise role protocols for online adaptive radiotherapy.

Commands:
  init                           Start a protocol from a template
  lint <files|dirs|globs|->...   Check protocols and report problems
  table <file>                   Print or export summary tables (Markdown, CSV,
                                 HTML or Word)
  diff <old> <new>               What changed between two versions of a
                                 protocol (files or REV:PATH), for approval
                                 papers and CI
  help [command]                 Show help for a command

Options:
  -h, --help       Show this help
  -v, --version    Show the version

Run \`role-protocols <command> --help\` for a command's options.
`;

export const LINT_USAGE = 'Usage: role-protocols lint [options] <files|dirs|globs|->...';

export const LINT_HELP = `${LINT_USAGE}

Checks role protocols: syntax, the schema, references and the governance
rules. Folders are searched for *.roles.yaml, *.roles.yml and *.roles.json,
and for other .yaml, .yml and .json files with a \`format: role-protocol/…\`
key (node_modules and dot-folders are skipped). Quote globs ('**/*.yaml') so
that the tool, not the shell, expands them. \`-\` reads standard input.

Each file uses the nearest .roleprotocols.yaml (.yml, .json) in its folder or
a folder above it, unless --config names one.

Options:
  -f, --format <name>       stylish (default), json or sarif
  -o, --output <file>       Write the report to a file instead of standard output
                            (also --out; \`-\` is standard output; the file is
                            replaced whole, or left as it was if the write fails)
  -c, --config <file>       Use this configuration file for every protocol
      --max-warnings <n>    Exit with 1 when there are more than n warnings
      --base <rev>          Also compare each file with its version at this git
                            revision: significant changes with the same
                            document.version and no new document.changes entry
                            are a \`version-bump\` error (a file new since the
                            revision is not compared)
  -q, --quiet               Report errors only
      --stdin-filename <f>  Name for standard input (its type and configuration)
      --color, --no-color   Force colour on or off (default: on in a terminal;
                            NO_COLOR and FORCE_COLOR are respected)
  -h, --help                Show this help

Exit codes:
  0  no errors (and no more warnings than --max-warnings allows)
  1  errors found, or too many warnings
  2  a usage or file problem: unknown option, missing or unreadable file,
     a named file that is not a role protocol, nothing found to lint, or
     --base outside a git repository or naming no revision
`;

export const TABLE_USAGE = 'Usage: role-protocols table [options] <file>';

export const tableHelp = (): string => `${TABLE_USAGE}

Prints or exports the summary tables of one protocol, for governance papers
and QMS documents: the training matrix, roles and responsibilities, the
responsibility matrix, training coverage by site, the sites and training
governance (sign-off, reassessment, sites). Schema and rule problems do not
stop the tables (run \`lint\` to see them); a file that cannot be parsed
does. \`-\` reads standard input.

Formats:
  md     GitHub-flavoured Markdown tables
  csv    CSV (RFC 4180, UTF-8 with a byte order mark for Excel); cells that
         a spreadsheet would run as a formula start with an apostrophe
  html   one standalone, printable HTML page with the document-control block
         (no scripts, no remote resources)
  docx   a Word document with the document-control block, real tables with
         a repeated header row, and the roles, the responsibility matrix and
         the sites on landscape pages; needs --out

Options:
  -t, --table <name>        ${TABLE_IDS.join(', ')} or all (default)
  -f, --format <name>       ${tableCommand().tableFormats().join(', ')} (default: from the
                            --out file's extension, else md)
  -o, --out <file>          Write to a file instead of standard output (also
                            --output; \`--out -\`: standard output, for piping Word)
      --force               Overwrite --out if it exists (replaced whole, or
                            left as it was if the write fails)
  -c, --config <file>       Use this configuration file
      --stdin-filename <f>  Name for standard input
      --color, --no-color   Colour for problems shown on standard error
  -h, --help                Show this help

Exit codes:
  0  tables written
  1  the document has syntax errors
  2  a usage or file problem (including an --out file that already exists,
     and Word without --out)

Examples:
  role-protocols table department.roles.yaml --table training
  role-protocols table department.roles.yaml --out tables.docx
  role-protocols table department.roles.yaml --format html --out tables.html
`;

export const INIT_USAGE = 'Usage: role-protocols init [--template NAME] [--out FILE] [--force]';

export const INIT_HELP = `${INIT_USAGE}

Writes a starter protocol that lints clean, with comments saying what to fill
in. Its document-control block is a new draft (version 0.1, review due within
two years); the rest is the template's department, to change to yours.

Templates (--template, -t; default blank):
  blank              one role, one step: the least that lints clean
  reference          the reference department: dosimetrist-led adaptation
  radiographer-led   advanced radiographers adapt, the clinician reviews offline
  clinician-present  the radiographer drives, the consultant edits and approves

Options:
  -t, --template NAME   Which template (above)
  -o, --out FILE        The file to write (default protocol.roles.yaml; --output also works)
      --force           Replace FILE if it exists (otherwise it is left alone)
  -h, --help            Show this help

Example:
  role-protocols init --template radiographer-led --out oart-bladder.roles.yaml
`;

export const DIFF_USAGE = 'Usage: role-protocols diff [options] <old> <new>';

export const DIFF_HELP = `${DIFF_USAGE}

Lists what changed between two versions of a protocol or catalogue, in the
domain's words: roles added, removed or renamed, who may perform or approve a
step, training rows that lost a method or a record, a band lowered, a site's
clinical protocol. Each change is significant or minor (docs/CHANGE-CONTROL.md
gives the rule for each). Reordering a list or reformatting is not a change;
a change to an included catalogue is a change of the protocol.

Each version is a file, \`-\` (standard input), or a git revision and path
(\`main:protocols/oart.roles.yaml\`, the path from the repository's top, or
\`HEAD~1:./oart.roles.yaml\` from the working folder), read with git itself;
its includes are read from the same commit.

Formats:
  text   the changes, significant first, each with its line (default)
  md     Markdown: the document control of both versions and the change table
  json   the changes as data, with positions in both versions
  html   a printable page: the summary of changes for an approval paper
  docx   the same as a Word document; needs --out

Options:
  -f, --format <name>       text, md, json, html or docx (default: from the
                            --out file's extension, else text)
  -o, --out <file>          Write the report to a file (replaced if it exists;
                            also --output; \`--out -\`: standard output)
      --fail-on <class>     Exit with 1 when a change of this class is found:
                            significant, or minor (any change)
  -c, --config <file>       Use this configuration file
      --stdin-filename <f>  Name for standard input
  -h, --help                Show this help

Exit codes:
  0  no changes, or none of the --fail-on class
  1  a change of the --fail-on class was found
  2  a usage, file or git problem, or a version that cannot be read

Examples:
  role-protocols diff main:protocols/oart.roles.yaml protocols/oart.roles.yaml
  role-protocols diff v1.2:oart.roles.yaml oart.roles.yaml --out changes.docx
  role-protocols diff origin/main:oart.roles.yaml oart.roles.yaml --fail-on significant
`;

interface CommandHelp {
  usage: string;
  help: () => string;
}

export const HELP = {
  init: { usage: INIT_USAGE, help: () => INIT_HELP },
  lint: { usage: LINT_USAGE, help: () => LINT_HELP },
  table: { usage: TABLE_USAGE, help: tableHelp },
  diff: { usage: DIFF_USAGE, help: () => DIFF_HELP },
} satisfies Record<string, CommandHelp>;

/** The help of the command named (`help <command>`, a usage error's command), if there is such a command. */
export function helpFor(command: string): CommandHelp | undefined {
  return Object.hasOwn(HELP, command) ? HELP[command as keyof typeof HELP] : undefined;
}
