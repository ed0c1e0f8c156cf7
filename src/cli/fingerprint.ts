/**
 * `npm run fingerprint -- FILE [FILE ...]`: gives every locator of a plan dataset file whose source
 * text is in SOURCE_TEXTS_DIR the SHA-256 of the words it cites, so that anyone holding the page can
 * check the citation without the offsets having to be trusted. The file is checked first (a locator
 * whose words do not fit its claim is never fingerprinted), then rewritten in the project's layout.
 */
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { readConfig } from '../config/readConfig';
import { qualify, type PlanDataset } from '../dataset/PlanDataset';
import { readDataset } from '../dataset/readDataset';
import { PROJECT_ROOT } from '../paths';
import { fingerprintOf, type Locator } from '../provenance/SourceText';
import { runCli } from './runCli';

async function run(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run fingerprint -- FILE [FILE ...]   (plan dataset files)\n');
    return 2;
  }
  const config = readConfig(process.env, PROJECT_ROOT);
  for (const file of files) {
    const { texts } = readDataset(path.resolve(file), { sourceTextsDir: config.sourceTextsDir });
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as PlanDataset;
    let given = 0;
    let left = 0;
    const fingerprint = (locator: Locator): void => {
      const words = texts.get(qualify(json.namespace, locator.source))?.span(locator);
      if (words === undefined) {
        left += 1;
        return;
      }
      locator.sha256 = fingerprintOf(words);
      given += 1;
    };
    for (const entry of [...json.nodes, ...json.relationships]) entry.citations.forEach(fingerprint);
    const options = (await prettier.resolveConfig(file)) ?? {};
    fs.writeFileSync(file, await prettier.format(JSON.stringify(json), { ...options, filepath: file }));
    process.stdout.write(`${file}: ${given} locators fingerprinted, ${left} without their source's text here\n`);
  }
  return 0;
}

runCli(run, { failure: 'Fingerprinting failed, the file is unchanged' });
