/**
 * The citation check on a small dataset citing a text written for this test: every rule it enforces,
 * each shown to pass on sound claims and to fail, naming the claim and the locator, on broken ones.
 */
import { checkCitations } from '../../src/provenance/checkCitations';
import { fingerprintOf, SourceText, sha256Of } from '../../src/provenance/SourceText';
import { keyTerms, mentions, termsOf } from '../../src/provenance/citationTerms';
import { sharedRuns, wordRuns } from '../../src/provenance/sharedRuns';
import type { PlanDataset } from '../../src/dataset/PlanDataset';

const TEXT = [
  'Harbour Daily, Lakeside, May 3 (Reporter Ann Lee) The town issued the Lakeside Harbour Plan.',
  '',
  '  The Plan sets a goal: a cleaner harbour by 2030, with new ferry routes.  ',
  'Separately, the town will train boat builders and open a maritime school.',
].join('\n');
const text = new SourceText(sha256Of(Buffer.from(TEXT)), TEXT);
const texts = new Map([['demo:report', text]]);

// Offsets of `words` in paragraph `p`, found once so the fixture stays readable.
function at(p: number, words: string): { source: string; paragraph: number; start: number; end: number } {
  const start = text.paragraphs[p - 1]!.indexOf(words);
  if (start < 0) throw new Error(`fixture: "${words}" is not in paragraph ${p}`);
  return { source: 'report', paragraph: p, start, end: start + words.length };
}

function dataset(): PlanDataset {
  return {
    namespace: 'demo',
    nodes: [
      {
        id: 'report',
        label: 'Source',
        name: 'Harbour Daily report',
        citations: [at(1, 'Harbour Daily, Lakeside, May 3')],
        language: 'en',
        sha256: text.sha256,
      },
      {
        id: 'plan',
        label: 'Plan',
        name: 'Lakeside Harbour Plan',
        aliases: ['Plan'],
        summary: 'A town plan for its harbour.',
        citations: [at(1, 'Lakeside Harbour Plan'), at(2, 'The Plan')],
        zone: 'Lakeside',
      },
      {
        id: 'goal',
        label: 'Goal',
        name: 'Cleaner harbour by 2030',
        citations: [at(2, 'a cleaner harbour by 2030')],
        goalKind: 'STAGE',
        targetYear: 2030,
      },
      {
        id: 'task',
        label: 'Task',
        name: 'Train boat builders',
        citations: [at(3, 'train boat builders')],
        ordinal: 1,
      },
    ],
    relationships: [
      {
        type: 'SETS',
        from: 'plan',
        to: 'goal',
        basis: 'STATED',
        citations: [at(2, 'The Plan sets a goal: a cleaner harbour by 2030')],
      },
      {
        type: 'ADVANCES',
        from: 'task',
        to: 'goal',
        basis: 'INFERRED',
        rationale: 'Skilled builders would help the harbour; our reading.',
        citations: [at(3, 'train boat builders'), at(2, 'a cleaner harbour by 2030')],
      },
    ],
  };
}

const messages = (d: PlanDataset): string[] =>
  checkCitations(d, texts).map((p) => `${p.entry} ${p.field}: ${p.message}`);

describe('The citation check', () => {
  it('passes a dataset whose every span mentions what it supports', () => {
    expect(messages(dataset())).toEqual([]);
  });

  it('counts a paragraph as a trimmed non-empty line, and offsets within it', () => {
    expect(text.paragraphs).toHaveLength(3);
    expect(text.span({ paragraph: 2, start: 0, end: 8 })).toBe('The Plan');
    expect(text.span({ paragraph: 4, start: 0, end: 1 })).toBeUndefined();
  });

  it('fails a node whose span points at other words, naming the node, the locator and the missing terms', () => {
    const d = dataset();
    d.nodes[3]!.citations = [at(3, 'open a maritime school')];
    expect(messages(d)).toEqual([
      expect.stringMatching(
        /^nodes\[3\] \(id "task"\) citations\[0\]: paragraph 3 \[\d+, \d+\) "open a maritime school" does not mention "Train boat builders" \(lacks train, boat, builde/,
      ),
    ]);
  });

  it('accepts a declared alias as a mention beside a span of the name, and only a declared one', () => {
    const d = dataset();
    d.nodes[1]!.citations = [at(1, 'Lakeside Harbour Plan'), at(2, 'The Plan')];
    expect(messages(d)).toEqual([]);
    delete d.nodes[1]!.aliases;
    expect(messages(d).join('\n')).toMatch(
      /nodes\[1\] \(id "plan"\) citations\[1\].*does not mention "Lakeside Harbour Plan"/,
    );
  });

  it('refuses an entity cited by an alias alone: its name must be cited at least once', () => {
    const d = dataset();
    d.nodes[1]!.citations = [at(2, 'The Plan')];
    expect(messages(d)).toEqual([
      'nodes[1] (id "plan") citations: no cited span mentions the name "Lakeside Harbour Plan" (key terms lakesi, harbou, plan): an entity is cited by its name at least once, and an alias counts only where a span shows it beside the name',
    ]);
  });

  it('refuses an alias that no span shows beside the name, even when spans use it', () => {
    const d = dataset();
    d.nodes[1]!.aliases = ['Plan', 'ferry routes'];
    d.nodes[1]!.citations = [at(1, 'Lakeside Harbour Plan'), at(2, 'new ferry routes')];
    expect(messages(d)).toEqual([
      `nodes[1] (id "plan") aliases[1]: alias "ferry routes" is not shown to be "Lakeside Harbour Plan"'s: no cited span mentions both the name and the alias`,
    ]);
  });

  it('fails a locator outside its paragraph or cutting a word', () => {
    const d = dataset();
    d.nodes[2]!.citations = [{ source: 'report', paragraph: 2, start: 10, end: 500 }];
    d.nodes[3]!.citations = [{ ...at(3, 'train boat builders'), start: at(3, 'train boat builders').start + 1 }];
    expect(messages(d)).toEqual([
      expect.stringMatching(/^nodes\[2\] \(id "goal"\) citations\[0\]: paragraph 2 \[10, 500\): outside the paragraph/),
      expect.stringMatching(/^nodes\[3\] \(id "task"\) citations\[0\]: paragraph 3 \[\d+, \d+\): cuts a word/),
    ]);
  });

  it('fails a STATED link when no one span mentions both ends: that catches a wrong basis', () => {
    const d = dataset();
    d.relationships[1]!.basis = 'STATED';
    expect(messages(d)).toEqual([
      'relationships[1] (task -ADVANCES-> goal) basis: STATED, but no cited span mentions both "Train boat builders" and "Cleaner harbour by 2030": cite the words that state the link, or mark it INFERRED with a rationale',
    ]);
  });

  it('fails an INFERRED link when an end is not mentioned, and a span that mentions neither end', () => {
    const d = dataset();
    d.relationships[1]!.citations = [at(3, 'train boat builders'), at(3, 'open a maritime school')];
    expect(messages(d)).toEqual([
      expect.stringMatching(/^relationships\[1\] \(task -ADVANCES-> goal\) citations\[1\]: .* mentions neither end/),
      'relationships[1] (task -ADVANCES-> goal) citations: no cited span mentions "Cleaner harbour by 2030"',
    ]);
  });

  it('fails a summary or rationale that repeats 8 words of the source, quoting the run', () => {
    const d = dataset();
    d.nodes[1]!.summary = 'Here the town will train boat builders and open a maritime school too.';
    expect(messages(d)).toEqual([
      'nodes[1] (id "plan") summary: repeats 11 consecutive words of a source (8 or more are not allowed): "the town will train boat builders and open a maritime school"',
    ]);
  });

  it('checks nothing against a source whose text it does not have', () => {
    const d = dataset();
    d.nodes[3]!.citations = [{ source: 'report', paragraph: 9, start: 0, end: 4 }];
    expect(checkCitations(d, new Map())).toEqual([]);
  });
});

describe('Fingerprints of cited words', () => {
  it('passes a locator whose fingerprint is that of its words, and fails one that is not, naming the words', () => {
    const d = dataset();
    const span = at(3, 'train boat builders');
    d.nodes[3]!.citations = [{ ...span, sha256: fingerprintOf('train boat builders') }];
    expect(messages(d)).toEqual([]);
    d.nodes[3]!.citations = [{ ...span, sha256: fingerprintOf('train boat builder') }];
    expect(messages(d)).toEqual([
      expect.stringMatching(
        /^nodes\[3\] \(id "task"\) citations\[0\]\.sha256: paragraph 3 \[\d+, \d+\): the fingerprint [0-9a-f]{64} is not that of the cited words "train boat builders" \([0-9a-f]{64}\): the text or the locator changed$/,
      ),
    ]);
  });
});

describe('Sources in Chinese', () => {
  const ZH = ['港口日报讯 湖畔镇发布《湖畔港口规划》。', '规划提出到2030年建成清洁港口。'].join('\n');
  const zh = new SourceText(sha256Of(Buffer.from(ZH)), ZH);
  const zhTexts = new Map([['demo:zh', zh]]);
  const cite = (p: number, words: string): { source: string; paragraph: number; start: number; end: number } => {
    const start = zh.paragraphs[p - 1]!.indexOf(words);
    if (start < 0) throw new Error(`fixture: "${words}" is not in paragraph ${p}`);
    return { source: 'zh', paragraph: p, start, end: start + words.length };
  };
  const zhDataset = (): PlanDataset => ({
    namespace: 'demo',
    nodes: [
      {
        id: 'zh',
        label: 'Source',
        name: 'Harbour Daily report in Chinese',
        names: [{ text: '港口日报', language: 'zh-Hans' }],
        citations: [cite(1, '港口日报讯')],
        language: 'zh-Hans',
        sha256: zh.sha256,
      },
      {
        id: 'plan',
        label: 'Plan',
        name: 'Lakeside Harbour Plan',
        names: [{ text: '湖畔港口规划', language: 'zh-Hans' }],
        citations: [cite(1, '湖畔镇发布《湖畔港口规划》')],
        zone: 'Lakeside',
      },
    ],
    relationships: [],
  });
  const zhMessages = (d: PlanDataset): string[] =>
    checkCitations(d, zhTexts).map((p) => `${p.entry} ${p.field}: ${p.message}`);

  it('reads a span as mentioning an entity when it writes out one of its Chinese names, spaces aside', () => {
    expect(zhMessages(zhDataset())).toEqual([]);
    expect(mentions(termsOf('湖畔 港口 规划'), { name: 'X', names: [{ text: '湖畔港口规划', language: 'zh' }] })).toBe(
      true,
    );
    expect(mentions(termsOf('湖畔港口'), { name: 'X', names: [{ text: '湖畔港口规划', language: 'zh' }] })).toBe(false);
  });

  it('lets a span start or end between any two Chinese characters: they have no word spaces', () => {
    const d = zhDataset();
    d.nodes[1]!.citations = [cite(1, '湖畔港口规划')];
    expect(zhMessages(d)).toEqual([]);
  });

  it('fails a Chinese span that writes out none of the names, and a Chinese name no span shows', () => {
    const d = zhDataset();
    d.nodes[1]!.citations = [cite(2, '到2030年建成清洁港口')];
    expect(zhMessages(d)).toEqual([
      expect.stringMatching(
        /^nodes\[1\] \(id "plan"\) citations\[0\]: paragraph 2 .* does not mention "Lakeside Harbour Plan"/,
      ),
      'nodes[1] (id "plan") names[0]: "湖畔港口规划" (zh-Hans) appears in none of the cited spans of "Lakeside Harbour Plan"',
    ]);
  });
});

describe('Mentions and shared runs', () => {
  it('reads a name by its key terms: six-letter prefixes, stop words left out, more than half of them', () => {
    expect(keyTerms('The capability of new materials')).toEqual(['capabi', 'new', 'materi']);
    expect(mentions(termsOf('capabilities in new material'), { name: 'The capability of new materials' })).toBe(true);
    expect(mentions(termsOf('new ideas'), { name: 'The capability of new materials' })).toBe(false);
    // Two key terms need both: one shared word names a different thing.
    expect(mentions(termsOf('the Lakeside zone'), { name: 'Lakeside Forum' })).toBe(false);
    expect(mentions(termsOf('the Lakeside Forum'), { name: 'Lakeside Forum' })).toBe(true);
  });

  it('matches an alias only as written: the Plan, not the verb plan', () => {
    const plan = { name: 'Lakeside Harbour Plan', aliases: ['Plan'] };
    expect(mentions(termsOf('The Plan sets a goal'), plan)).toBe(true);
    expect(mentions(termsOf('we plan to build'), plan)).toBe(false);
  });

  it('finds runs of 8 shared words, and only those', () => {
    const runs = wordRuns(['one two three four five six seven eight nine ten']);
    expect(sharedRuns('x One two three four five six seven eight nine y', runs)).toEqual([
      'one two three four five six seven eight nine',
    ]);
    expect(sharedRuns('one two three four five six seven x eight nine', runs)).toEqual([]);
  });
});
