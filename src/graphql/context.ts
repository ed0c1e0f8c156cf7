/** Per-request state handed to every resolver; built fresh for each request. */
import type { Database } from '../database/Database';
import type { Logger } from '../logging/createLogger';

/** What a resolver may use. */
export interface Context {
  db: Database;
  logger: Logger;
}
