// CLI: `node scripts/radosgw.mjs` starts a throw-away radosgw (see ./radosgw/index.mjs), prints its endpoint and
// keys as JSON, and stops it on Ctrl+C. It also re-exports that module's API, so `import ... from
// './radosgw.mjs'` keeps working.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRadosgw } from './radosgw/index.mjs';

export { getSessionToken, radosgwMissing, startRadosgw } from './radosgw/index.mjs';

async function main() {
  const handle = await startRadosgw({ log: (message) => process.stderr.write(`${message}\n`) });
  const { endpoint, stsEndpoint, region, baseDir, users } = handle;
  const summary = { endpoint, stsEndpoint, region, ...users.owner, logs: path.join(baseDir, 'log') };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write('radosgw: running; Ctrl+C stops it\n');
  // The SIGINT/SIGTERM handlers installed by startRadosgw stop the cluster and then end the process.
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
