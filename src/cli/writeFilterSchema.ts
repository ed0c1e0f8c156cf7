/** `npm run codegen` step one: writes the query language's SDL, derived from the entity types. */
import fs from 'node:fs';
import path from 'node:path';
import { FILTER_SCHEMA_FILE, filterSdlOf } from '../graphql/filterSchema';
import { SCHEMA_DIR } from '../paths';

fs.writeFileSync(path.join(SCHEMA_DIR, FILTER_SCHEMA_FILE), filterSdlOf(SCHEMA_DIR));
