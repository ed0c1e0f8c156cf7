/**
 * `npm run check -- FILE [FILE ...]`: checks plan dataset files as the loader does, without a
 * database: schema, references and, where SOURCE_TEXTS_DIR holds a cited source's text, every
 * citation against it. Prints what was checked, or every problem and exits 1.
 */
import path from 'node:path';
import { readConfig } from '../config/readConfig';
import { readDataset } from '../dataset/readDataset';
import { PROJECT_ROOT } from '../paths';
import { runCli } from './runCli';

function run(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run check -- FILE [FILE ...]   (plan dataset files)\n');
    return Promise.resolve(2);
  }
  const config = readConfig(process.env, PROJECT_ROOT);
  for (const file of files) {
    // readDataset has read (and checked against) the texts it found; they say what was checked.
    const { dataset, texts } = readDataset(path.resolve(file), { sourceTextsDir: config.sourceTextsDir });
    const locators =
      dataset.nodes.reduce((sum, n) => sum + n.citations.length, 0) +
      dataset.relationships.reduce((sum, r) => sum + r.citations.length, 0);
    process.stdout.write(
      `${file}: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships, ${locators} citations; ` +
        (texts.size > 0
          ? `citations checked against ${[...texts.keys()].join(', ')}\n`
          : `no source text in ${config.sourceTextsDir ?? '(no SOURCE_TEXTS_DIR)'}: citations not checked against it\n`),
    );
  }
  return Promise.resolve(0);
}

runCli(run, { failure: 'Check failed' });
