/**
 * The entities of the datasets a bulk import has taken so far, answering the same questions the graph
 * answers for the transactional loader, so each dataset is checked against exactly what precedes it.
 */
import type { LoadedEntities } from '../dataset/checkAgainstGraph';
import { qualify, type PlanDataset } from '../dataset/PlanDataset';
import type { Named } from '../provenance/citationTerms';

/** Entities by qualified id, with their kind and names; `add` each dataset once it has passed its checks. */
export class EntitiesInLibrary implements LoadedEntities {
  private readonly entities = new Map<string, { label: string } & Named>();

  /** Takes in the entities of `dataset`. */
  add(dataset: PlanDataset): void {
    for (const node of dataset.nodes) {
      this.entities.set(qualify(dataset.namespace, node.id), {
        label: node.label,
        name: node.name,
        aliases: node.aliases ?? null,
      });
    }
  }

  missing(ids: readonly string[]): Promise<string[]> {
    return Promise.resolve(ids.filter((id) => !this.entities.has(id)));
  }

  missingSources(ids: readonly string[]): Promise<string[]> {
    return Promise.resolve(ids.filter((id) => this.entities.get(id)?.label !== 'Source'));
  }

  named(ids: readonly string[]): Promise<Map<string, Named>> {
    const found = new Map<string, Named>();
    for (const id of ids) {
      const entity = this.entities.get(id);
      if (entity) found.set(id, { name: entity.name, aliases: entity.aliases ?? null });
    }
    return Promise.resolve(found);
  }
}
