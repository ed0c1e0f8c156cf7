/**
 * The README's examples with printed answers: in a section between `<!-- answers: NAME -->` and
 * `<!-- /answers -->`, every ```graphql block followed by a ```json block is a query and the `data` the
 * API answers it with. Tests run the queries and compare, so the README cannot drift from the data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** One example: the question it answers (the first line of the paragraph above), its query and answer. */
export interface ReadmeExample {
  question: string;
  query: string;
  answer: unknown;
  /** The README line the query starts on, for messages. */
  line: number;
}

/** The README this project ships. */
export const README_FILE = path.join(PROJECT_ROOT, 'README.md');

/** The examples of the section `name`; a section missing, or a block that is not JSON, is an error. */
export function readmeExamples(name: string, file: string = README_FILE): ReadmeExample[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const first = lines.indexOf(`<!-- answers: ${name} -->`);
  const last = lines.findIndex((l, i) => i > first && l === '<!-- /answers -->');
  if (first === -1 || last === -1)
    throw new Error(`${file}: no section <!-- answers: ${name} --> ... <!-- /answers -->`);
  const blocks: Array<{ language: string; text: string; line: number }> = [];
  const questions: string[] = [];
  // The question is the first line of the paragraph just above a query.
  let paragraph: string[] = [];
  for (let i = first + 1; i < last; i++) {
    const line = lines[i]!;
    const fence = /^```(\w+)$/.exec(line);
    if (fence) {
      const end = lines.findIndex((l, j) => j > i && l === '```');
      if (end === -1 || end > last) throw new Error(`${file}:${i + 1}: a code block that does not end`);
      blocks.push({ language: fence[1]!, text: lines.slice(i + 1, end).join('\n'), line: i + 2 });
      questions.push((paragraph[0] ?? '').replace(/^#+ |\*\*/g, '').trim());
      paragraph = [];
      i = end;
    } else if (line.trim() !== '') {
      if (lines[i - 1]!.trim() === '') paragraph = [];
      paragraph.push(line);
    }
  }
  const examples: ReadmeExample[] = [];
  blocks.forEach((block, k) => {
    const next = blocks[k + 1];
    if (block.language !== 'graphql' || next?.language !== 'json') return;
    let answer: unknown;
    try {
      answer = JSON.parse(next.text);
    } catch (error) {
      throw new Error(`${file}:${next.line}: the answer is not JSON: ${(error as Error).message}`, { cause: error });
    }
    examples.push({ question: questions[k]!, query: block.text, answer, line: block.line });
  });
  return examples;
}

/** A `curl` command of the README that asks the local server something. */
export interface ReadmeRequest {
  /** The README line it starts on. */
  line: number;
  command: string;
  /** The path and query after `localhost:4000`. */
  path: string;
  headers: Record<string, string>;
  /** The `-d` body; a GET when absent. */
  body: string | undefined;
}

/**
 * Every `curl` to `localhost:4000` in the README: in ```sh blocks (lines joined at a trailing `\`) and in
 * inline code. Only single-quoted and bare words are read, the only quoting the README uses.
 */
export function readmeRequests(file: string = README_FILE): ReadmeRequest[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const commands: Array<{ line: number; command: string }> = [];
  let inShell = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^```/.test(line)) inShell = !inShell && line === '```sh';
    else if (inShell && line.startsWith('curl ')) {
      let command = line;
      const start = i;
      while (command.endsWith('\\')) command = `${command.slice(0, -1)} ${lines[++i]!.trim()}`;
      commands.push({ line: start + 1, command });
    } else if (!inShell) {
      for (const m of line.matchAll(/`(curl [^`]+)`/g)) commands.push({ line: i + 1, command: m[1]! });
    }
  }
  return commands.map(({ line, command }) => {
    const words = (command.match(/'[^']*'|\S+/g) ?? []).map((w) => (w.startsWith("'") ? w.slice(1, -1) : w));
    const headers: Record<string, string> = {};
    let body: string | undefined;
    let path: string | undefined;
    for (let k = 1; k < words.length; k++) {
      const word = words[k]!;
      if (word === '-H') {
        const [name, ...value] = words[++k]!.split(':');
        headers[name!.trim().toLowerCase()] = value.join(':').trim();
      } else if (word === '-d') body = words[++k];
      else if (/localhost:4000/.test(word)) path = word.replace(/^(https?:\/\/)?localhost:4000/, '');
    }
    if (path === undefined) throw new Error(`${file}:${line}: a curl command without a localhost:4000 address`);
    return { line, command, path, headers, body };
  });
}
