/**
 * `npm run export -- FORMAT [--focus ID] [--depth N] [--basis LIST] [--review LIST] [--out FILE]`: writes
 * the graph, or the neighbourhood of one entity, as GraphML, GEXF or Cytoscape.js JSON (FORMAT: graphml,
 * gexf, cyjs); `--basis STATED` keeps only the links the source states, `--review ACCEPTED` only the links
 * review accepted.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../config/readConfig';
import { createLogger } from '../logging/createLogger';
import { openDatabase } from '../startup/openDatabase';
import { EXPORT_FORMATS, isExportFormat } from '../export/exportFormats';
import { readExportGraph } from '../export/readExportGraph';
import { parseWalkFilter } from '../export/parseWalkFilter';
import type { WalkFilter } from '../compiler/walkFilter';
import { PROJECT_ROOT } from '../paths';
import { runCli } from './runCli';
import { servedSourceTexts } from '../provenance/servedSourceTexts';

const USAGE =
  'usage: npm run export -- graphml|gexf|cyjs [--focus ID] [--depth N] [--basis STATED,INFERRED] [--review PROPOSED,ACCEPTED,DISPUTED] [--out FILE]\n';

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      focus: { type: 'string' },
      depth: { type: 'string' },
      basis: { type: 'string' },
      review: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const name = positionals[0];
  if (positionals.length !== 1 || name === undefined || !isExportFormat(name)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = readConfig(process.env, PROJECT_ROOT);
  const depth = values.depth === undefined ? undefined : Number(values.depth);
  if (depth !== undefined && !(Number.isInteger(depth) && depth >= 1 && depth <= config.limits.maxDepth)) {
    process.stderr.write(`--depth must be a whole number from 1 to ${config.limits.maxDepth}, got "${values.depth}"\n`);
    return 2;
  }
  let walk: WalkFilter;
  try {
    walk = parseWalkFilter(values);
  } catch (error) {
    process.stderr.write(`--${(error as Error).message}\n`);
    return 2;
  }
  const { db, close } = await openDatabase(
    config,
    createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 2),
  );
  try {
    const graph = await readExportGraph(
      db,
      config.limits,
      { foci: values.focus === undefined ? undefined : [values.focus], depth, ...walk },
      config.exportMaxNodes,
      await servedSourceTexts(db, config.sourceTextsDir),
    );
    const text = EXPORT_FORMATS[name].write(graph);
    if (values.out) fs.writeFileSync(values.out, text);
    else process.stdout.write(text);
    process.stderr.write(
      `${graph.nodes.length} nodes, ${graph.edges.length} edges` +
        `${graph.truncated ? ` (cut at ${config.exportMaxNodes} nodes)` : ''}` +
        `${values.out ? ` written to ${values.out}` : ''}\n`,
    );
  } finally {
    await close();
  }
  return 0;
}

runCli(run, { failure: 'Export failed', hint: USAGE });
