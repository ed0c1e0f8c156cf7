/** Where the project's own files are, found from this file so any working directory works. */
import path from 'node:path';

// Compiled code runs from dist/src, source from src: both sit one or two levels below the root.
const here = __dirname;
/** The project root (the folder with package.json). */
export const PROJECT_ROOT = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
/** The Cypher files. */
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');
/** The GraphQL SDL files. */
export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
/** The Maven project of the embedded Neo4j launcher. */
export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-embedded');
/** Static files of the explorer page and the GraphQL IDE. */
export const WEB_DIR = path.join(PROJECT_ROOT, 'src', 'web', 'public');
