// One owner per embedded data directory (src/store/dirLock.ts, src/cli/remote.ts), English. Same keys as embedded.zh-CN.ts.
export const embeddedEn: Record<string, string> = {
  'embedded.busy.serveTwice': 'An ecociv server already uses the data directory {dir} (process {pid}, port {port}). One directory has one server: use the running one, or stop it before starting another.',
  'embedded.busy.restoreWhileServing':
    'The data directory {dir} belongs to a running ecociv server (process {pid}); a backup cannot be restored into it: restore goes into an empty or new store. Restore into a new directory (ECOCIV_DATA_DIR=new-dir ecociv restore FILE) and start the server on it, or stop the server first. Nothing was changed.',
  'embedded.busy.server': 'The data directory {dir} belongs to an ecociv server (process {pid}) that cannot take this command. Try again later, or stop the server first.',
  'embedded.busy.command': 'The data directory {dir} is in use by another ecociv command (process {pid}: {command}, since {since}). One program writes a directory at a time: wait for it to finish and try again.',
  'embedded.remote.starting': 'The ecociv server of the data directory {dir} (process {pid}) is starting and was not ready within {seconds} s. Try again shortly.',
  'embedded.remote.unreachable': 'The data directory {dir} belongs to an ecociv server (process {pid}), which cannot be reached on this machine ({detail}). Make sure it listens on 127.0.0.1 or 0.0.0.0, or stop it before running this command. Nothing was changed.',
  'embedded.remote.lost': 'The connection to the ecociv server broke; whether the command finished is unknown ({detail}). Check that the server is still running, then check the result.',
  'embedded.remote.noExit': 'the server gave no exit status',
  'embedded.remote.failed': 'The command failed: {detail}',
  'embedded.remote.forbidden': 'Only the ecociv command line on this machine may call the server this way.',
  'embedded.remote.badRequest': 'Malformed command-line request: it needs the command’s arguments and its directory.',
};
