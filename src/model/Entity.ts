/** The project's own model types: what resolvers receive from the graph layer. */

/** Properties every entity node carries. */
export interface EntityModel {
  id: string;
  name: string;
  summary: string | null;
  sources: number[];
}

/** A Plan node. */
export interface PlanModel extends EntityModel {
  zone: string;
  periodStart: number;
  periodEnd: number;
  horizon: number | null;
}
