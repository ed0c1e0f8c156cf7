/**
 * Reads the texts of cited sources from a folder (SOURCE_TEXTS_DIR): each `Source` names its file
 * (`textFile`) and the SHA-256 of the exact text its locators count in. A file that is there with
 * another checksum is a mismatch, never used: its offsets would point at the wrong words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SourceText } from './SourceText';
import { qualify, type PlanDataset } from '../dataset/PlanDataset';

/** What a source says about its text. */
export interface SourceFile {
  /** Qualified id of the Source node. */
  id: string;
  /** File name of its text in the folder; undefined when it has none. */
  textFile?: string | null | undefined;
  sha256: string;
}

/** The texts found, and the files that were there with the wrong checksum. */
export interface SourceTextsRead {
  texts: Map<string, SourceText>;
  /** One line per mismatching file, naming the source, the file and both checksums. */
  mismatches: string[];
}

/** Reads every source's text that `folder` holds; a missing folder or file leaves that text out. */
export function readSourceTexts(folder: string | undefined, sources: readonly SourceFile[]): SourceTextsRead {
  const texts = new Map<string, SourceText>();
  const mismatches: string[] = [];
  if (!folder) return { texts, mismatches };
  for (const source of sources) {
    if (!source.textFile) continue;
    const file = path.join(folder, path.basename(source.textFile));
    if (!fs.existsSync(file)) continue;
    const text = SourceText.fromBytes(fs.readFileSync(file));
    if (text.sha256 !== source.sha256) {
      mismatches.push(
        `${file} has SHA-256 ${text.sha256}, but source "${source.id}" cites the text with SHA-256 ${source.sha256}; ` +
          'put the exact text there or remove the file',
      );
    } else {
      texts.set(source.id, text);
    }
  }
  return { texts, mismatches };
}

/** What a dataset's own Source nodes say about their texts. */
export function sourceFilesOf(dataset: PlanDataset): SourceFile[] {
  return dataset.nodes
    .filter((node) => node.label === 'Source')
    .map((node) => ({
      id: qualify(dataset.namespace, node.id),
      textFile: typeof node['textFile'] === 'string' ? node['textFile'] : undefined,
      sha256: String(node['sha256']),
    }));
}
