/**
 * `applyChanges`: a curator's change set, checked whole by the loader's rules (the dataset JSON Schema,
 * locators, kinds a link may join, the citation check where the source texts are at hand), then
 * written in one transaction with its change record. Versions named by `ifVersion` are read under the
 * targets' write locks, so of two curators racing on one entity exactly one wins. Every problem is
 * reported at once, with the change's index and field; nothing is written unless all of it is.
 */
import { randomUUID } from 'node:crypto';
import type { Database, WriteTransaction } from '../database/Database';
import { readCypher } from '../cypher/readCypher';
import {
  allowsEnds,
  DERIVED_PROPERTIES,
  NODE_LABELS,
  RELATIONSHIPS,
  type DatasetNode,
  type DatasetRelationship,
  type LocalizedName,
  type NodeLabel,
  type RelationshipType,
} from '../dataset/PlanDataset';
import { linkValueProblems, nodeValueProblems } from '../dataset/entryValues';
import { derivedProperties, namesOfStored } from '../dataset/storedRows';
import { entrySchemaProblems, locatorProblems } from '../dataset/readDataset';
import { BadUserInputError, ConflictError, type DatasetProblem } from '../errors/errors';
import { checkCitations, type SourceTexts } from '../provenance/checkCitations';
import type { Named } from '../provenance/citationTerms';
import type { Locator } from '../provenance/SourceText';
import { storedCitations } from '../provenance/storedCitations';
import { deleteEntity, deleteLink, parseLinkId, writeEntity, writeLink, type LinkKey } from './graphWrites';
import {
  linkId,
  namespaceOf,
  namespacesOf,
  recordChangeSet,
  type ChangeRecord,
  type ChangeSetRecord,
} from './recordChangeSet';
import { readChangeSet } from './readHistory';
import { kindOfLabel } from '../compiler/project';

const LOCK_ENTITIES = readCypher('curation/lock-entities.cypher');
const LOCK_LINKS = readCypher('curation/lock-links.cypher');
const READ_ENTITIES = readCypher('curation/read-entities.cypher');
const CITING = readCypher('curation/citing.cypher');
const ALIAS_CLASHES = readCypher('curation/alias-clashes.cypher');

/** Caps on one change set (CURATION_MAX_CHANGES, CURATION_MAX_MESSAGE, CURATION_MAX_PROPERTIES_BYTES). */
export interface CurationLimits {
  maxChanges: number;
  maxMessageLength: number;
  maxPropertiesBytes: number;
}

/** The caps when no variable changes them. */
export const DEFAULT_CURATION_LIMITS: CurationLimits = {
  maxChanges: 200,
  maxMessageLength: 2000,
  maxPropertiesBytes: 20_000,
};

/** A citation as a change gives it: the source is an entity id. */
export type CitationInput = Locator;

/** An entity as a change writes it. */
export interface EntityInput {
  id: string;
  kind: string;
  name: string;
  summary: string;
  aliases?: readonly string[] | null;
  /** Its names in other languages. */
  names?: readonly LocalizedName[] | null;
  citations: readonly CitationInput[];
  properties?: unknown;
  ifVersion?: number | null;
}

/** A link as a change writes it. */
export interface LinkInput {
  type: string;
  source: string;
  target: string;
  basis: string;
  citations: readonly CitationInput[];
  rationale?: string | null;
  ifVersion?: number | null;
}

/** What a change deletes. */
export interface DeleteInput {
  id: string;
  ifVersion?: number | null;
}

/** One change: exactly one of the four. */
export interface ChangeInput {
  upsertEntity?: EntityInput | null;
  deleteEntity?: DeleteInput | null;
  upsertLink?: LinkInput | null;
  deleteLink?: DeleteInput | null;
}

/** Who applies a change set, and with what. */
export interface ChangeContext {
  db: Database;
  by: string | null;
  limits: CurationLimits;
  sourceTexts: SourceTexts;
}

// A change once checked on its own: what it writes, and the entry that names it in messages.
type Planned =
  | {
      op: 'upsertEntity';
      entry: string;
      id: string;
      kind: NodeLabel;
      properties: Record<string, unknown>;
      named: Named;
      citations: readonly Locator[];
      ifVersion: number | null;
    }
  | { op: 'deleteEntity'; entry: string; id: string; ifVersion: number | null }
  | {
      op: 'upsertLink';
      entry: string;
      id: string;
      key: LinkKey;
      basis: string;
      rationale: string | null;
      properties: Record<string, unknown>;
      citations: readonly Locator[];
      ifVersion: number | null;
    }
  | { op: 'deleteLink'; entry: string; id: string; key: LinkKey; ifVersion: number | null };

const ID = /^([a-z0-9][a-z0-9-]{0,39}):([a-z0-9][a-z0-9-]{0,99})$/;
// Properties a change may not set through `properties`: the graph keeps them itself.
const RESERVED = new Set([
  'id',
  'label',
  'kind',
  'name',
  'summary',
  'aliases',
  'names',
  ...DERIVED_PROPERTIES,
  'citations',
  'sources',
  'namespace',
  'version',
]);

/** Checks and applies one change set; returns its record. */
export async function applyChanges(
  context: ChangeContext,
  message: string,
  changes: readonly ChangeInput[],
): Promise<ChangeSetRecord> {
  const planned = checkChanges(context.limits, message, changes);
  const id = randomUUID();
  return context.db.writeTransaction(async (tx) => {
    // A retry after a commit whose answer was lost finds the change set written: it is the answer.
    const written = await readChangeSet(tx, id);
    if (written) return written;
    await checkAgainstGraph(tx, planned, context.sourceTexts);
    const records: ChangeRecord[] = [];
    for (const change of planned) records.push(...(await write(tx, change)));
    const record: ChangeSetRecord = {
      id,
      at: new Date().toISOString(),
      by: context.by,
      via: 'API',
      message,
      namespaces: namespacesOf(records),
      changes: records,
    };
    await recordChangeSet(tx, record);
    return record;
  });
}

// Everything that can be checked without the graph: shape, schema, locators, limits, repeats.
function checkChanges(limits: CurationLimits, message: string, changes: readonly ChangeInput[]): Planned[] {
  const problems: DatasetProblem[] = [];
  if (message.trim() === '' || message.length > limits.maxMessageLength) {
    problems.push({
      entry: 'message',
      field: '-',
      message: `must be 1 to ${limits.maxMessageLength} characters saying why, got ${message.length}`,
    });
  }
  if (changes.length === 0 || changes.length > limits.maxChanges) {
    problems.push({
      entry: 'changes',
      field: '-',
      message: `must hold 1 to ${limits.maxChanges} changes, got ${changes.length}`,
    });
  }
  const planned: Planned[] = [];
  const seen = new Map<string, string>();
  changes.slice(0, limits.maxChanges).forEach((change, index) => {
    const given = (['upsertEntity', 'deleteEntity', 'upsertLink', 'deleteLink'] as const).filter(
      (op) => change[op] !== undefined && change[op] !== null,
    );
    if (given.length !== 1) {
      problems.push({
        entry: `changes[${index}]`,
        field: '-',
        message: `must give exactly one of upsertEntity, deleteEntity, upsertLink, deleteLink, got ${given.length}`,
      });
      return;
    }
    const op = given[0]!;
    const entry = `changes[${index}].${op}`;
    const plan = planOne(op, change, entry, limits, problems);
    if (!plan) return;
    const first = seen.get(plan.id);
    if (first !== undefined) {
      problems.push({
        entry,
        field: 'id',
        message: `${plan.id} is already changed by ${first}: one change per target`,
      });
      return;
    }
    seen.set(plan.id, entry);
    planned.push(plan);
  });
  // A link goes with a deleted end; deleting or writing it too is a contradiction, not a race.
  const deletedEntities = new Map(planned.filter((p) => p.op === 'deleteEntity').map((p) => [p.id, p.entry]));
  for (const p of planned) {
    if (p.op !== 'deleteLink' && p.op !== 'upsertLink') continue;
    const end = [p.key.source, p.key.target].find((e) => deletedEntities.has(e));
    if (end !== undefined) {
      problems.push({
        entry: p.entry,
        field: 'id',
        message: `${p.id} goes with ${end}, which ${deletedEntities.get(end)} deletes`,
      });
    }
  }
  if (problems.length > 0) throw refusal(problems);
  return planned;
}

function planOne(
  op: keyof ChangeInput,
  change: ChangeInput,
  entry: string,
  limits: CurationLimits,
  problems: DatasetProblem[],
): Planned | undefined {
  const before = problems.length;
  const ifVersion = change[op]!.ifVersion;
  const deletion = op === 'deleteEntity' || op === 'deleteLink';
  if (typeof ifVersion === 'number' && ifVersion < (deletion ? 1 : 0)) {
    problems.push({
      entry,
      field: 'ifVersion',
      message: deletion
        ? `a deletion expects the version it deletes, 1 or more, got ${ifVersion}`
        : `must be a version, 0 (must not exist yet) or more, got ${ifVersion}`,
    });
  }
  if (op === 'upsertEntity') {
    const input = change.upsertEntity!;
    const parts = ID.exec(input.id);
    const kind = NODE_LABELS.find((label) => kindOfLabel(label) === input.kind);
    if (!parts) problems.push({ entry, field: 'id', message: `must be namespace:local-id, got "${input.id}"` });
    if (!kind) problems.push({ entry, field: 'kind', message: `names no kind of entity, got "${input.kind}"` });
    const extra = input.properties ?? {};
    if (typeof extra !== 'object' || Array.isArray(extra)) {
      problems.push({ entry, field: 'properties', message: 'must be a JSON object of the kind’s own properties' });
    } else {
      const size = JSON.stringify(extra).length;
      if (size > limits.maxPropertiesBytes) {
        problems.push({
          entry,
          field: 'properties',
          message: `must be at most ${limits.maxPropertiesBytes} characters of JSON, got ${size}`,
        });
      }
      for (const key of Object.keys(extra)) {
        if (RESERVED.has(key))
          problems.push({ entry, field: `properties.${key}`, message: 'is set by its own field, not here' });
      }
    }
    if (problems.length > before || !parts || !kind) return undefined;
    const node = {
      id: parts[2],
      label: kind,
      name: input.name,
      summary: input.summary,
      ...(input.aliases ? { aliases: [...input.aliases] } : {}),
      ...(input.names
        ? { names: input.names.map((n: LocalizedName) => ({ text: n.text, language: n.language })) }
        : {}),
      citations: input.citations.map((c) => ({ ...c })),
      ...(extra as Record<string, unknown>),
    };
    problems.push(...entrySchemaProblems('node', node, entry), ...locatorProblems(entry, input.citations, true));
    if (problems.length === before) problems.push(...nodeValueProblems(entry, node as DatasetNode));
    const period = node as { periodStart?: unknown; periodEnd?: unknown };
    if (
      kind === 'Plan' &&
      typeof period.periodStart === 'number' &&
      typeof period.periodEnd === 'number' &&
      period.periodEnd < period.periodStart
    ) {
      problems.push({
        entry,
        field: 'periodEnd',
        message: `must not be before periodStart (${period.periodStart}), got ${period.periodEnd}`,
      });
    }
    if (problems.length > before) return undefined;
    const { citations, names, ...rest } = node as typeof node & { names?: LocalizedName[] };
    delete (rest as Partial<typeof rest>).id;
    delete (rest as Partial<typeof rest>).label;
    const namespace = parts[1]!;
    return {
      op,
      entry,
      id: input.id,
      kind,
      properties: {
        ...rest,
        ...derivedProperties(kind, names, rest),
        namespace,
        ...storedCitations(namespace, citations),
      },
      named: { name: input.name, aliases: input.aliases ?? null, names: names ?? null },
      citations,
      ifVersion: input.ifVersion ?? null,
    };
  }
  if (op === 'upsertLink') {
    const input = change.upsertLink!;
    const relationship = {
      type: input.type,
      from: input.source,
      to: input.target,
      basis: input.basis,
      ...(input.rationale ? { rationale: input.rationale } : {}),
      citations: input.citations.map((c) => ({ ...c })),
    };
    problems.push(
      ...entrySchemaProblems('relationship', relationship, entry),
      ...locatorProblems(entry, input.citations, false),
      ...linkValueProblems(entry, relationship as Pick<DatasetRelationship, 'type' | 'basis'>),
    );
    for (const end of ['source', 'target'] as const) {
      if (!ID.test(input[end]))
        problems.push({ entry, field: end, message: `must be an entity id namespace:local-id, got "${input[end]}"` });
    }
    if (problems.length > before) return undefined;
    const key: LinkKey = { type: input.type as RelationshipType, source: input.source, target: input.target };
    return {
      op,
      entry,
      id: linkId(key.source, key.type, key.target),
      key,
      basis: input.basis,
      rationale: input.rationale ?? null,
      properties: {
        basis: input.basis,
        ...(input.rationale ? { rationale: input.rationale } : {}),
        namespace: namespaceOf(input.source),
        ...storedCitations(namespaceOf(input.source), input.citations),
      },
      citations: input.citations,
      ifVersion: input.ifVersion ?? null,
    };
  }
  const input = (op === 'deleteEntity' ? change.deleteEntity : change.deleteLink)!;
  if (op === 'deleteEntity') {
    if (!ID.test(input.id))
      problems.push({ entry, field: 'id', message: `must be namespace:local-id, got "${input.id}"` });
    return problems.length > before ? undefined : { op, entry, id: input.id, ifVersion: input.ifVersion ?? null };
  }
  const parsed = parseLinkId(input.id);
  if (!parsed || !(parsed.type in RELATIONSHIPS)) {
    problems.push({ entry, field: 'id', message: `must be a link id source|TYPE|target, got "${input.id}"` });
    return undefined;
  }
  const key: LinkKey = { ...parsed, type: parsed.type as RelationshipType };
  return { op, entry, id: input.id, key, ifVersion: input.ifVersion ?? null };
}

// Everything that needs the graph, read under the targets' write locks: versions, ends, kinds, sources, citations.
async function checkAgainstGraph(tx: WriteTransaction, planned: readonly Planned[], texts: SourceTexts): Promise<void> {
  const entityIds = planned.filter((p) => p.op === 'upsertEntity' || p.op === 'deleteEntity').map((p) => p.id);
  const locked = new Map(
    (await tx.run(LOCK_ENTITIES, { ids: [...entityIds].sort() })).map((r) => [
      String(r['id']),
      { kind: r['kind'] as NodeLabel, version: Number(r['version']) },
    ]),
  );
  const linkTargets = planned.flatMap((p) =>
    p.op === 'upsertLink' || p.op === 'deleteLink' ? [{ id: p.id, ...p.key }] : [],
  );
  const links = new Map(
    (await tx.run(LOCK_LINKS, { links: linkTargets })).map((r) => [String(r['id']), Number(r['version'])]),
  );
  const conflicts: string[] = [];
  const problems: DatasetProblem[] = [];
  for (const p of planned) {
    const current = p.op.endsWith('Entity') ? locked.get(p.id)?.version : links.get(p.id);
    if (p.ifVersion !== null && (current ?? 0) !== p.ifVersion) {
      conflicts.push(
        `${p.entry}: ${p.id} ${current === undefined ? 'does not exist' : `is at version ${current}`}, not ${p.ifVersion}`,
      );
    }
    if ((p.op === 'deleteEntity' || p.op === 'deleteLink') && current === undefined && p.ifVersion === null) {
      problems.push({ entry: p.entry, field: 'id', message: `names nothing in the graph: "${p.id}"` });
    }
    if (p.op === 'upsertEntity') {
      const existing = locked.get(p.id);
      if (existing && existing.kind !== p.kind) {
        problems.push({
          entry: p.entry,
          field: 'kind',
          message: `${p.id} is a ${existing.kind}; a kind never changes: delete it and create the new one`,
        });
      }
    }
  }
  if (conflicts.length > 0) {
    throw new ConflictError(`nothing was written: ${conflicts.join('; ')}`, { conflicts });
  }
  // A Source may go only when nothing that stays cites it, as the loader requires.
  const sources = planned.filter((p) => p.op === 'deleteEntity' && locked.get(p.id)?.kind === 'Source');
  if (sources.length > 0) {
    // What the change set deletes or writes anew is left out: new citations are checked below.
    const citing = await tx.run(CITING, {
      sources: sources.map((p) => p.id),
      deleted: planned.filter((p) => p.op === 'deleteEntity').map((p) => p.id),
      skipped: planned.map((p) => p.id),
    });
    for (const row of citing) {
      const p = sources.find((s) => s.id === row['source'])!;
      problems.push({
        entry: p.entry,
        field: 'id',
        message: `${p.id} is cited by what stays: ${(row['citing'] as string[]).join(', ')}; change or delete those first`,
      });
    }
  }
  // An alias names one entity: not another one's name or alias in the namespace, as the loader requires.
  const written = planned.filter((p) => p.op === 'upsertEntity');
  if (written.length > 0) {
    const clashes = await tx.run(ALIAS_CLASHES, {
      entities: written.map((p) => ({
        id: p.id,
        namespace: namespaceOf(p.id),
        name: p.named.name,
        aliases: p.named.aliases ?? [],
      })),
      written: planned.map((p) => p.id),
    });
    for (const row of clashes) {
      const p = written.find((w) => w.id === row['id'])!;
      const others = (row['clashes'] as string[]).join(', ');
      const aliases = row['aliases'] as string[];
      problems.push({
        entry: p.entry,
        field: aliases.length > 0 ? 'aliases' : 'name',
        message:
          aliases.length > 0
            ? `${aliases.map((a) => JSON.stringify(a)).join(', ')} is the name or an alias of ${others}: an alias names one entity`
            : `${JSON.stringify(p.named.name)} is an alias of ${others}: an alias names one entity`,
      });
    }
  }
  // The kinds and names of what links and citations name, as the change set leaves them.
  const upserted = new Map(planned.flatMap((p) => (p.op === 'upsertEntity' ? [[p.id, p] as const] : [])));
  const deleted = new Set(planned.filter((p) => p.op === 'deleteEntity').map((p) => p.id));
  const named = new Set<string>();
  for (const p of planned) {
    if (p.op === 'upsertLink') named.add(p.key.source).add(p.key.target);
    if (p.op === 'upsertEntity' || p.op === 'upsertLink') for (const c of p.citations) named.add(c.source);
  }
  const inGraph = new Map(
    (await tx.run(READ_ENTITIES, { ids: [...named].filter((id) => !upserted.has(id)) })).map((r) => [
      String(r['id']),
      {
        kind: r['kind'] as NodeLabel,
        name: String(r['name']),
        aliases: r['aliases'] as string[] | null,
        names: namesOfStored(r['nameTexts'], r['nameLanguages']),
      },
    ]),
  );
  const kindOf = (id: string): NodeLabel | undefined =>
    deleted.has(id) ? undefined : (upserted.get(id)?.kind ?? inGraph.get(id)?.kind);
  for (const p of planned) {
    if (p.op === 'upsertLink') {
      const [from, to] = [kindOf(p.key.source), kindOf(p.key.target)];
      if (!from) problems.push({ entry: p.entry, field: 'source', message: `names no entity: "${p.key.source}"` });
      if (!to) problems.push({ entry: p.entry, field: 'target', message: `names no entity: "${p.key.target}"` });
      if (from && to && !allowsEnds(p.key.type, from, to)) {
        const allowed = RELATIONSHIPS[p.key.type].map(([f, t]) => `${f} -> ${t}`).join(', ');
        problems.push({
          entry: p.entry,
          field: 'type',
          message: `${p.key.type} links ${allowed}, not ${from} -> ${to}`,
        });
      }
    }
    if (p.op === 'upsertEntity' || p.op === 'upsertLink') {
      p.citations.forEach((c, i) => {
        if (kindOf(c.source) !== 'Source') {
          problems.push({ entry: p.entry, field: `citations[${i}].source`, message: `names no Source: "${c.source}"` });
        }
      });
    }
  }
  if (problems.length > 0) throw refusal(problems);
  // The citation check, as the loader runs it, on what the change set writes.
  const nodes = planned.flatMap((p) =>
    p.op === 'upsertEntity'
      ? [
          {
            id: p.id,
            label: p.kind,
            name: p.named.name,
            summary: String(p.properties['summary']),
            aliases: p.named.aliases ? [...p.named.aliases] : undefined,
            names: p.named.names ? [...p.named.names] : undefined,
            citations: [...p.citations],
          },
        ]
      : [],
  );
  const relationships = planned.flatMap((p) =>
    p.op === 'upsertLink'
      ? [
          {
            type: p.key.type,
            from: p.key.source,
            to: p.key.target,
            basis: p.basis as 'STATED' | 'INFERRED',
            ...(p.rationale ? { rationale: p.rationale } : {}),
            citations: [...p.citations],
          },
        ]
      : [],
  );
  const others = new Map<string, Named>(
    [...inGraph].map(([id, e]) => [id, { name: e.name, aliases: e.aliases, names: e.names }]),
  );
  const cited = checkCitations({ namespace: 'api', nodes, relationships }, texts, others);
  if (cited.length > 0) {
    const entries = [
      ...planned.filter((p) => p.op === 'upsertEntity'),
      ...planned.filter((p) => p.op === 'upsertLink'),
    ];
    const nodeCount = nodes.length;
    throw refusal(
      cited.map((problem) => {
        const match = /^(nodes|relationships)\[(\d+)\]/.exec(problem.entry);
        const index = match ? Number(match[2]) + (match[1] === 'relationships' ? nodeCount : 0) : -1;
        return { ...problem, entry: entries[index]?.entry ?? problem.entry };
      }),
    );
  }
}

async function write(tx: WriteTransaction, p: Planned): Promise<ChangeRecord[]> {
  const changes = await writeOne(tx, p);
  // "Must not exist yet" is checked again after the write: a link that was absent had no lock to take
  // (an entity's id has, through the locking unique-index seek), so a curator creating the same link at
  // the same moment is found here, after the write waited for that curator's commit.
  const [change] = changes;
  if (p.ifVersion === 0 && change && change.op !== 'CREATE') {
    throw new ConflictError(`nothing was written: ${p.entry}: ${p.id} was created meanwhile`, {
      conflicts: [`${p.id} was created meanwhile`],
    });
  }
  return changes;
}

async function writeOne(tx: WriteTransaction, p: Planned): Promise<ChangeRecord[]> {
  switch (p.op) {
    case 'upsertEntity':
      return [await writeEntity(tx, p.id, p.kind, p.properties)];
    case 'deleteEntity':
      return deleteEntity(tx, p.id);
    case 'upsertLink':
      // A link made through the API as our reading waits for review; a stated one is taken as it is.
      return [
        await writeLink(tx, p.key, p.properties, {
          initial: { status: p.basis === 'INFERRED' ? 'PROPOSED' : 'ACCEPTED', by: null, at: null, note: null },
        }),
      ];
    case 'deleteLink':
      return [await deleteLink(tx, p.key)];
  }
}

function refusal(problems: readonly DatasetProblem[]): BadUserInputError {
  return new BadUserInputError(
    `${problems.length} problem(s), nothing was written: ` +
      problems.map((p) => `${p.entry} ${p.field}: ${p.message}`).join('; '),
    { problems },
  );
}
