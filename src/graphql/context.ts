/** Per-request state handed to every resolver; built fresh for each request. */
import type { Database } from '../database/Database';
import type { Logger } from '../logging/createLogger';
import type { ApiLimits } from '../config/ApiLimits';
import type { AdhocCypherSettings } from '../adhoc/runAdhocCypher';
import type { AdhocSlots } from '../adhoc/AdhocSlots';
import type { RequestOutcome } from '../http/requestLog';
import type { SourceTexts } from '../provenance/checkCitations';
import type { Principal } from '../auth/Principal';
import type { CurationLimits } from '../curation/applyChanges';
import type { GraphVersion } from '../cache/graphVersion';

/** What a resolver may use. */
export interface Context {
  db: Database;
  logger: Logger;
  /** Caps on limit, depth and maxHops. */
  limits: ApiLimits;
  /** Settings of the ad-hoc `cypher` field. */
  adhoc: AdhocCypherSettings;
  /** The server's count of ad-hoc queries in flight. */
  adhocSlots: AdhocSlots;
  /** Whether the `cypher` field is on: CYPHER_API_KEY or sign-in is configured. */
  adhocEnabled: boolean;
  /** Who the request acts for. */
  principal: Principal;
  /** The request's id, as its log line and x-request-id give it. */
  requestId: string;
  /** Caps on one change set. */
  curation: CurationLimits;
  /** Texts of the cited sources the server holds, by source id, for `Citation.text`. */
  sourceTexts: SourceTexts;
  /** Where the request's operation name and error codes are noted for its log line. */
  outcome: RequestOutcome;
  /** The graph's version for this request (read once, on first use). */
  graphVersion: () => Promise<GraphVersion>;
  /** The ETag a GET answer gets when it succeeds (see conditionalGet); undefined otherwise. */
  etag: string | undefined;
}
