/** The export formats: file extension, content type and writer of each. */
import type { ExportGraph } from './ExportGraph';
import { writeCytoscapeJson } from './writeCytoscapeJson';
import { writeGexf } from './writeGexf';
import { writeGraphML } from './writeGraphML';

/** How one format is served and written. */
export interface ExportFormat {
  extension: string;
  contentType: string;
  write: (graph: ExportGraph) => string;
}

/** Formats by name (the extension in /export.<name>). */
export const EXPORT_FORMATS: Readonly<Record<'graphml' | 'gexf' | 'cyjs', ExportFormat>> = {
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8', write: writeGraphML },
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8', write: writeGexf },
  cyjs: { extension: 'cyjs', contentType: 'application/json; charset=utf-8', write: writeCytoscapeJson },
};

/** True when `name` is one of `EXPORT_FORMATS`. */
export function isExportFormat(name: string): name is keyof typeof EXPORT_FORMATS {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, name);
}
