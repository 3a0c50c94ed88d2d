// One bundle for the language server and the command-line tool. They share the whole core, which would
// otherwise ship twice (the extension's bundles must stay under 1 MB together). dist/cli.js is a short
// launcher that sets GOVREPORT_ENTRY=cli and loads this bundle; the CLI's worker threads load it again and
// land in the CLI too. Anything else — VS Code forking it, `node dist/server.js --stdio` — is the server.
import { isMainThread } from 'worker_threads';

if (process.env.GOVREPORT_ENTRY === 'cli' || !isMainThread) require('./cli/main');
else require('./server');
