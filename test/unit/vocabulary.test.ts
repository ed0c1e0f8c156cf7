/**
 * The graph's vocabulary (node labels and relationship types) is defined once, in PlanDataset.ts, and
 * repeated where another language needs it: the SDL, the dataset JSON Schema, the load Cypher and the
 * explorer. These specifications fail when any copy drifts, and `@relation` directives are held to the
 * ends each relationship type may join.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildASTSchema, getNamedType, isEnumType, isObjectType, type GraphQLSchema } from 'graphql';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../src/dataset/PlanDataset';
import type { EntityKind, RelationType } from '../../src/graphql/generated/resolvers';
import { loadTypeDefs } from '../../src/graphql/loadTypeDefs';
import { loadSchema } from '../../src/graphql/loadSchema';
import { entityTypes, FILTER_SCHEMA_FILE, filterSdlOf } from '../../src/graphql/filterSchema';
import { kindOfLabel, type KindOf } from '../../src/compiler/project';
import { checkRelations } from '../../src/compiler/relationOf';
import { CYPHER_DIR, SCHEMA_DIR, WEB_DIR } from '../../src/paths';

// Compile-time halves of the same promise: the generated unions equal the TypeScript ones.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// (`tsc`, run by `npm test`, checks these; jest does not type-check.)
export const relationTypesAgree: Same<RelationType, RelationshipType> = true;
export const kindsAgree: Same<EntityKind, KindOf<NodeLabel>> = true;

const schema = buildASTSchema(loadTypeDefs(SCHEMA_DIR));
const datasetSchema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'plan-dataset.schema.json'), 'utf8')) as {
  $defs: {
    node: { properties: { label: { enum: string[] } } };
    relationship: { properties: { type: { enum: string[] } } };
  };
};

function enumValues(s: GraphQLSchema, name: string): string[] {
  const type = s.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
  return type.getValues().map((v) => v.name);
}

describe('The vocabulary of the graph', () => {
  it('names one EntityKind and one entity object type per node label', () => {
    expect(enumValues(schema, 'EntityKind')).toEqual(NODE_LABELS.map(kindOfLabel));
    const entityTypes = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Entity'))
      .map((t) => t.name);
    expect(entityTypes.sort()).toEqual([...NODE_LABELS].sort());
  });

  it('lists the relationship types of RELATIONSHIPS as the RelationType enum', () => {
    expect(enumValues(schema, 'RelationType')).toEqual([...RELATIONSHIP_TYPES]);
  });

  it('lists the same labels and types in the dataset JSON Schema', () => {
    expect(datasetSchema.$defs.node.properties.label.enum).toEqual([...NODE_LABELS]);
    expect(datasetSchema.$defs.relationship.properties.type.enum).toEqual([...RELATIONSHIP_TYPES]);
  });

  it('removes every kind label when the loader replaces a node', () => {
    const cypher = fs.readFileSync(path.join(CYPHER_DIR, 'load', 'merge-nodes.cypher'), 'utf8');
    const removed = /REMOVE n:([A-Za-z:]+)/.exec(cypher)?.[1]?.split(':');
    expect(removed).toEqual([...NODE_LABELS]);
  });

  it('gives the explorer a style for every kind', () => {
    const script = fs.readFileSync(path.join(WEB_DIR, 'explorer', 'kinds.js'), 'utf8');
    const block = /export const KINDS = \{([\s\S]*?)\n\};/.exec(script)?.[1] ?? '';
    // The explorer lists kinds in its reading order (Plan, aims and goals, tasks, ...), not the labels' order.
    const keys = [...block.matchAll(/^\s+([A-Z_]+): \{/gm)].map((m) => m[1]);
    expect(keys).toHaveLength(NODE_LABELS.length);
    expect([...keys].sort()).toEqual(NODE_LABELS.map(kindOfLabel).sort());
  });
});

describe('@relation directives', () => {
  it('all name a relationship type that joins the two kinds in the direction given', () => {
    expect(() => checkRelations(schema)).not.toThrow();
    // And every relationship type has at least one field that walks it, or the API could not reach it.
    const walked = new Set(
      [...loadTypeDefs(SCHEMA_DIR).loc!.source.body.matchAll(/@relation\(type: ([A-Z_]+)/g)].map((m) => m[1]),
    );
    expect([...RELATIONSHIP_TYPES].filter((t) => !walked.has(t))).toEqual([]);
  });

  function schemaWith(edit: (sdl: string) => string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
    for (const file of fs.readdirSync(SCHEMA_DIR)) {
      const text = fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8');
      fs.writeFileSync(path.join(dir, file), file === 'plan.graphql' ? edit(text) : text);
    }
    return dir;
  }

  it('stop start-up naming the field when a type is misspelt', () => {
    const dir = schemaWith((sdl) =>
      sdl.replace(
        '[Task!]! @relation(type: ADVANCES, direction: IN)',
        '[Task!]! @relation(type: ADVANCE, direction: IN)',
      ),
    );
    expect(() => loadSchema(dir)).toThrow(/Goal\.tasks: Argument "type" has invalid value ADVANCE/);
  });

  it('stop start-up naming the field and the argument when a direction is not a direction', () => {
    const dir = schemaWith((sdl) =>
      sdl.replace(
        '[Task!]! @relation(type: ADVANCES, direction: IN)',
        '[Task!]! @relation(type: ADVANCES, direction: INN)',
      ),
    );
    expect(() => loadSchema(dir)).toThrow(/Goal\.tasks: Argument "direction" has invalid value INN/);
  });

  it('stop start-up naming the field when a type joins kinds it never links, or runs the wrong way', () => {
    const dir = schemaWith((sdl) =>
      sdl
        .replace('[Task!]! @relation(type: ADVANCES, direction: IN)', '[Task!]! @relation(type: BUILDS, direction: IN)')
        .replace('[Goal!]! @relation(type: SETS, direction: OUT)', '[Goal!]! @relation(type: SETS, direction: IN)'),
    );
    let message = '';
    try {
      loadSchema(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Goal\.tasks: BUILDS never runs from Task to Goal \(direction IN\)/);
    expect(message).toMatch(/Plan\.goals: SETS never runs from Goal to Plan \(direction IN\)/);
  });
});

describe('The generated filter schema', () => {
  it('is what `npm run codegen` writes from the entity types today', () => {
    const written = fs.readFileSync(path.join(SCHEMA_DIR, FILTER_SCHEMA_FILE), 'utf8');
    expect(written).toBe(filterSdlOf(SCHEMA_DIR));
  });

  it('gives every @relation field a where of its target type and a basis', () => {
    const missing: string[] = [];
    for (const type of entityTypes(schema)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.astNode?.directives?.some((d) => d.name.value === 'relation')) continue;
        const target = getNamedType(field.type).name.replace(/LinkConnection$/, '');
        const args = Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]));
        if (args['where'] !== `${target}Where` || args['basis'] !== '[Basis!]')
          missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
