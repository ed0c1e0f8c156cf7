/**
 * `npm run dump -- --namespace NS [--out FILE]`: writes a namespace of the configured Neo4j in the
 * dataset format (stdout without --out). Loading the file back changes nothing.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config/readConfig';
import { createLogger } from '../logging/createLogger';
import { openDatabase } from '../startup/openDatabase';
import { dumpNamespace } from '../curation/dumpNamespace';
import { PROJECT_ROOT } from '../paths';
import { runCli } from './runCli';

const USAGE = 'usage: npm run dump -- --namespace NS [--out FILE]\n';

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { namespace: { type: 'string' }, out: { type: 'string' } } });
  if (!values.namespace) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = readConfig(process.env, PROJECT_ROOT);
  const { db, close } = await openDatabase(
    config,
    createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 2),
  );
  try {
    const dataset = await dumpNamespace(db, values.namespace);
    const text = `${JSON.stringify(dataset, null, 2)}\n`;
    if (values.out) fs.writeFileSync(values.out, text);
    else process.stdout.write(text);
    process.stderr.write(
      `${dataset.nodes.length} entities, ${dataset.relationships.length} links of ${values.namespace}\n`,
    );
  } finally {
    await close();
  }
  return 0;
}

runCli(run, { failure: 'Dump failed', hint: USAGE });
