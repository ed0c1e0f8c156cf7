/**
 * Browser libraries served from node_modules, so the explorer and the GraphQL IDE work with no
 * internet: URL path -> file. Packages that hide these files behind `exports` are found by walking up
 * from their entry point to their own folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../errors/errors';

function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === name)
      return dir;
    dir = path.dirname(dir);
  }
  throw new StartupError(`Cannot find the folder of package ${name}`);
}

/** Files under /vendor/, by name. */
export function vendorAssets(): Record<string, string> {
  return {
    'react.production.min.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
    'react-dom.production.min.js': path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
    'graphiql.min.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
    'graphiql.min.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
    'cytoscape.min.js': path.join(packageDir('cytoscape'), 'dist', 'cytoscape.min.js'),
    // ELK's layered layout (Eclipse Public License 2.0) and its Cytoscape.js extension.
    'elk.bundled.js': path.join(packageDir('elkjs'), 'lib', 'elk.bundled.js'),
    'cytoscape-elk.js': path.join(packageDir('cytoscape-elk'), 'dist', 'cytoscape-elk.js'),
    // fCoSE, the force-directed layout (MIT), and the two libraries it is built on.
    'layout-base.js': path.join(packageDir('layout-base'), 'layout-base.js'),
    'cose-base.js': path.join(packageDir('cose-base'), 'cose-base.js'),
    'cytoscape-fcose.js': path.join(packageDir('cytoscape-fcose'), 'cytoscape-fcose.js'),
    'papaparse.min.js': path.join(packageDir('papaparse'), 'papaparse.min.js'),
  };
}
