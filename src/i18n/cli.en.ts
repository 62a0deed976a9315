// The command line's own words (src/cli/*.ts): help, refusals of a command line, what was done, English.
// Same keys as cli.zh-CN.ts. The tables' words are in en.ts (table.*, cli.*Line …).
export const cliEn: Record<string, string> = {
  'cli.help.main': `ecociv — ecological-civilization plans as data

Usage:
  ecociv plans                          list the plans
  ecociv assess <plan> [--year year]     assess the indicators (default: the base year)
  ecociv projects <plan>                 key projects rolled up (against the totals the document states)
  ecociv tasks <plan>                    key tasks (by the chapters of the plan)
  ecociv check <plan> [--year year]      plan consistency (indicators projects name, unmet indicators, stated totals, lead units, footnotes), each finding with its lines
  ecociv record <file.json|.yaml>        record observations (the whole batch, or nothing)
  ecociv confirm <plan> <framework> <number> --year year (--status met|notMet | --points points) --by who --reason why
                                         confirm an indeterminate indicator (kept beside the computed result)
{tracking}
{users}
{backup}
{monitoring}
{hj212}
  ecociv report <plan> --kind kind --out file [--year year]
                                         write a report, its format from the file's extension (default: the latest year with figures):
                                         annual self-assessment .docx .pdf .html; application table .xlsx;
                                         midterm mid-term/final evaluation .docx .pdf .html; public summary .docx .pdf .html
  ecociv report --all --out-dir dir [--year year]
                                         every report of every plan in the store (one folder per plan), reporting each
  ecociv serve                           start the HTTP server (PORT, default 3000)

Options:
  --format table|json   output format (default table)
  --lang zh-CN|en       language of tables and messages (default zh-CN)

Configuration: DATABASE_URL (a PostgreSQL server; without it the embedded PGlite), ECOCIV_DATA_DIR (PGlite's data directory, default ./data/store), PORT`,
  'cli.help.tracking': `  ecociv progress <plan> [--as-of date]    project progress: roll-ups (against the stated totals) and warnings
  ecociv departments <plan> --year year   department assessment: each unit's score, rank and reasons
  ecociv supervise <plan> [--as-of date]   issue supervision notices for overdue work items
  ecociv import progress|projects|work-plan <plan> <file.xlsx>
                                         import a progress sheet, project table or work plan (checked row by row; saved only if all pass)
  ecociv export progress|projects|work-plan|departments <plan> --out <file.xlsx> [--year year] [--period 2024-Q1]
                                         export to Excel (the progress sheet is the reporting template)`,
  'cli.help.users': `  ecociv users add <username> --name name --role admin|planOffice|clerk|reviewer|leader|public [--region region] [--unit unit]
                                         create an account (the password from ECOCIV_PASSWORD or the first line of stdin)
  ecociv users list                      list the accounts and their roles
  ecociv users set-password <username>    reset a password (as above) and end all the account's sessions`,
  'cli.help.backup': `  ecociv backup <file>                    back up the whole database (a consistent snapshot; gzip'd NDJSON with a checksum, signed with this machine's backup key)
  ecociv restore <file> [--trust-unsigned] restore a backup (only into an empty store or a new one with just the built-in data; all or nothing);
                                         a file unsigned or signed with another key is restored only with --trust-unsigned
                                         backup key: ECOCIV_BACKUP_KEY or ECOCIV_BACKUP_KEY_FILE, by default ecociv-backup.key beside the data directory (made at the first backup)`,

  'cli.error.confirmArgs': 'Give the plan, the framework, the indicator number and --year.',
  'cli.error.needFile': 'Give the file to record.',
  'cli.error.needPlan': 'Give the plan id (see ecociv plans).',
  'cli.error.needOutDir': 'Give the output directory with --out-dir.',
  'cli.error.needPlanOrAll': 'Give the plan id (see ecociv plans), or --all for the reports of every plan.',
  'cli.error.needKind': 'Give the kind of report with --kind: annual, application, midterm or public.',
  'cli.error.needOut': 'Give the output file with --out; its extension sets the format (e.g. --out report.pdf).',
  'cli.error.badPoints': 'The points "{value}" are not valid: a number is expected.',
  'cli.error.readFile': 'Cannot read the file {file}: {detail}',
  'cli.error.entriesFormat': 'The file {file} is malformed (JSON or YAML expected): {detail}',
  'cli.error.entriesList': 'The file {file} should hold an observations list with at least one entry.',
  'cli.error.badDate': 'The date "{value}" is not valid: YYYY-MM-DD is expected.',
  'cli.error.need': 'Give {what}.',
  'cli.what.plan': 'the plan id',
  'cli.what.xlsxFile': 'the .xlsx file to import',
  'cli.error.departmentsYear': 'Give the year assessed with --year.',
  'cli.error.importDepartments': 'The department assessment is computed by the system and cannot be imported.',
  'cli.error.needOutXlsx': 'Give the output file (.xlsx) with --out.',
  'cli.error.outXlsx': 'The output file "{file}" should end in .xlsx.',
  'cli.error.exchangeKind': 'What to import or export, "{value}", is not valid: expected {kinds}.',
  'cli.failure.entries': 'Nothing saved: {n} errors found:\n{detail}',
  'cli.failure.batch': 'Not saved: {n} errors found:\n{detail}',
  'cli.failure.data': 'The built-in data has errors; cannot start:\n{detail}',

  'cli.done.confirmed': 'Confirmation saved.',
  'cli.done.recorded': '{n} observations saved.',
  'cli.done.imported': 'Imported: {detail}',
  'cli.done.written': 'Wrote {file} ({bytes} bytes).',
  'cli.assess.title': '{title} ({region}, {year})',
  'cli.assess.statedCommitment': '{commitment} {year}',
  'cli.assess.confirmedNote': '* settled by a confirmation (see --format json)',
  'cli.projects.missingInvestment': '{n} projects have no investment in the document and are left out of the totals (no data).',
  'cli.projects.approximate': 'The totals the document states are approximate.',
  'cli.tasks.line': ' (line {line})',
  'cli.tasks.leadUnits': ' lead: {units}',
  'cli.tasks.deadline': ' deadline: {deadline}',
  'cli.tasks.count': '{n} task clauses in all.',
  'cli.departments.title': '{title}: department assessment {year} (as of {asOf}; weights: {weights})',
  'cli.supervise.none': 'No overdue work item needs a supervision notice.',
  'cli.supervise.issued': '{n} supervision notices issued:',

  'cli.users.col.username': 'Username',
  'cli.users.col.name': 'Name',
  'cli.users.col.roles': 'Roles',
  'cli.users.col.state': 'State',
  'cli.users.disabled': 'disabled',
  'cli.users.active': 'active',
  'cli.users.error.needNameRole': 'Give the username and --role.',
  'cli.users.error.noAccount': 'There is no account "{username}".',
  'cli.users.error.subcommand': 'The users subcommand "{value}" is not valid.',
  'cli.users.added': 'Account {username} created (id {id}).',
  'cli.users.passwordReset': 'The password of {username} was reset; all its sessions have ended.',
  'cli.password': 'Password: ',

  'cli.backup.needFile': 'Give the file to back up to, e.g. ecociv backup ecociv-backup.ndjson.gz',
  'cli.restore.needFile': 'Give the backup file to restore, e.g. ecociv restore ecociv-backup.ndjson.gz',
  'cli.backup.done': 'Backed up to {file}: {tables} tables, {rows} rows, {size}, database structure version {version} ({engine}), in {seconds} s.',
  'cli.restore.migrated': ', and upgraded to version {version}',
  'cli.restore.done': 'Restored {file} ({createdAt}, {from}) into {location}: {tables} tables, {rows} rows{migrated}, in {seconds} s.',
};
