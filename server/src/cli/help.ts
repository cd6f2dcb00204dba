import { REGISTER_TABLE_IDS, TABLE_IDS } from '../service/tables/types';
import type * as TableCommand from './commands/table';
import type * as DiffCommand from './commands/diff';
import { FIELD_ALIASES, IMPORT_FIELDS } from '../service/register/importCsv';

/** The import's columns: the field, then the other headings read as it, wrapped within 80 columns. */
const IMPORT_COLUMNS = IMPORT_FIELDS.map((field) => {
  const aliases = FIELD_ALIASES[field].filter((a) => a.replace(/ /g, '_') !== field);
  const lines = [`  ${field.padEnd(21)}`];
  aliases.forEach((alias, i) => {
    const word = `${alias}${i < aliases.length - 1 ? ',' : ''}`;
    if (lines[lines.length - 1]!.length + 1 + word.length > 79) lines.push(' '.repeat(23));
    lines[lines.length - 1] += ` ${word}`;
  });
  return lines.map((l) => l.trimEnd()).join('\n');
}).join('\n');

/** The table command, loaded only when used: `lint` never needs the table code. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use, which `import` cannot give
export const tableCommand = (): typeof TableCommand => require('./commands/table') as typeof TableCommand;

/** The diff command, loaded only when used. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use, which `import` cannot give
export const diffCommand = (): typeof DiffCommand => require('./commands/diff') as typeof DiffCommand;

export const TOOL_USAGE = 'Usage: role-protocols <command> [options]';

export const TOOL_HELP = `${TOOL_USAGE}

Check and summarise role protocols for online adaptive radiotherapy, and
the register of the people who hold their roles.

Commands:
  init                           Start a protocol from a template
  lint <files|dirs|globs|->...   Check protocols and report problems
  table <file>                   Print or export summary tables (Markdown, CSV,
                                 HTML or Word)
  who --can <role|step>          Who in the register is entitled and current
  status <register>              Reassessments overdue or due soon, training,
                                 registrations and entitlements ending
  register import <csv>          Build a register of people from a spreadsheet
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

Checks role protocols, catalogues and registers of people: syntax, the
schema, references and the governance rules. Folders are searched for
*.roles.*, *.catalogue.* and *.register.* (.yaml, .yml, .json), and for
other .yaml, .yml and .json files whose \`format\` names one of them
(node_modules and dot-folders are skipped). Findings on a register name
people by id, never by name. Quote globs ('**/*.yaml') so
that the tool, not the shell, expands them. \`-\` reads standard input.

Each file uses the nearest .roleprotocols.yaml (.yml, .json) in its folder or
a folder above it, unless --config names one.

Options:
  -f, --format <name>       stylish (default), json (ESLint's), sarif (SARIF
                            2.1.0, for code scanning) or gitlab (GitLab's
                            Code Quality report)
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
governance (sign-off, reassessment, sites). Of a register of people, its
tables instead: the entitlement matrix, training status and what is due,
as on today (ROLE_PROTOCOLS_TODAY pins the day); they are personal data,
name people by id only and say so. Schema and rule problems do not
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
  -t, --table <name>        ${TABLE_IDS.join(', ')} or all (default);
                            a register: ${REGISTER_TABLE_IDS.join(', ')} or all
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

export const WHO_USAGE = 'Usage: role-protocols who --can <role|step> [--site SITE] [--on DATE] [options]';

export const WHO_HELP = `${WHO_USAGE}

Lists the people in a register who are able to act on a day: entitled to the
role (in force, not under supervision, covering the site) and current in
every skill the protocol's training rows give the role (a reassessment due
soon still counts; an overdue one does not). People are shown by id only.

--can takes a role id, or a step id of the register's protocol: for a step,
each part someone is responsible for (performs, edits, operates, approves)
is listed with the people able to fill it; with \`approval: any\` one of
the approving roles is enough. Write role:ID or step:ID when an id is both.

Options:
      --can <id>            The role or step (required)
  -r, --register <file>     The register (repeat for several; default: the
                            *.register.* files in the current folder)
      --site <id>           Only this site of the protocol
      --on <YYYY-MM-DD>     The day to answer for (default: today, or
                            ROLE_PROTOCOLS_TODAY)
  -f, --format <name>       text (default) or json (ids only)
  -c, --config <file>       Use this configuration file
  -h, --help                Show this help

Exit codes:
  0  someone is able for the role, or for every part of the step
  1  nobody is able for the role or for some part of the step
  2  a usage or file problem: unknown role, step or site, a date that is not
     real, a register or protocol that cannot be read

Examples:
  role-protocols who --can advanced-adapter --site cervix
  role-protocols who --can dose-check --register staff.register.yaml \\
    --on 2027-01-04
`;

export const STATUS_USAGE = 'Usage: role-protocols status <register> [--on DATE] [--format text|json|md]';

export const STATUS_HELP = `${STATUS_USAGE}

Reports what a register needs done, for a daily CI or cron job:
  - reassessments overdue, and due within register.dueSoonDays (in
    .roleprotocols.yaml; default 60), ordered by date;
  - training missing or under way for people entitled today;
  - registrations expired or expiring within the window;
  - entitlements ending within the window.
People are shown by id only.

Options:
      --on <YYYY-MM-DD>     The day to report for (default: today, or
                            ROLE_PROTOCOLS_TODAY)
  -f, --format <name>       text (default), json or md
  -o, --out <file>          Write the report to a file (--force to replace one)
      --force               Replace --out if it exists
  -c, --config <file>       Use this configuration file
  -h, --help                Show this help

Exit codes:
  0  nothing overdue or expired
  1  a reassessment overdue, a registration expired, or someone entitled
     without supervision who is not trained in a skill their role needs
  2  a usage or file problem: the register, or a protocol it names, cannot be
     read; a date that is not real

Example (cron, each morning):
  role-protocols status staff.register.yaml --format md --out status.md --force
`;

export const REGISTER_USAGE = 'Usage: role-protocols register import <csv> --protocol FILE --out FILE [options]';

export const REGISTER_HELP = `${REGISTER_USAGE}

Builds a register of people (role-register/1) from the spreadsheet a
department keeps, saved as CSV (UTF-8, a header row; commas, or semicolons
or tabs when the header has no comma). One row per person per skill or per
entitlement; a person's rows are joined. Roles, skills, methods and sites may
be written by id or by name; dates as YYYY-MM-DD or DD/MM/YYYY.

Columns: the field, then the other headings read as it (in any case, without\nspaces or punctuation; docs/REGISTER.md has the table):
${IMPORT_COLUMNS}

Columns that hold names (Name, Surname, ...) are never copied: the register
names people by staff number. Other columns are left out and listed.

Any row with a problem (no staff number, a date that is not real, an
unknown band, role, skill, method or site, rows that disagree) stops the
import: every problem is listed with its row (the header is row 1) and
nothing is written.

Options:
  -p, --protocol <file>     The role protocol the register is checked against
  -o, --out <file>          The register to write (\`-\`: standard output)
      --map <col=field>     Read a column as a field (or \`ignore\`); repeat
      --force               Replace --out if it exists
  -c, --config <file>       Use this configuration file
  -h, --help                Show this help

Exit codes:
  0  the register was written
  1  rows with problems: nothing written
  2  a usage or file problem: the CSV or the protocol cannot be read, --out
     exists without --force

Example:
  role-protocols register import staff.csv --protocol oart.roles.yaml \\
    --out staff.register.yaml
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
  who: { usage: WHO_USAGE, help: () => WHO_HELP },
  status: { usage: STATUS_USAGE, help: () => STATUS_HELP },
  register: { usage: REGISTER_USAGE, help: () => REGISTER_HELP },
  'register import': { usage: REGISTER_USAGE, help: () => REGISTER_HELP },
  diff: { usage: DIFF_USAGE, help: () => DIFF_HELP },
} satisfies Record<string, CommandHelp>;

/** The help of the command named (`help <command>`, a usage error's command), if there is such a command. */
export function helpFor(command: string): CommandHelp | undefined {
  return Object.hasOwn(HELP, command) ? HELP[command as keyof typeof HELP] : undefined;
}
