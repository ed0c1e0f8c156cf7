// Taking the view out: the drawing as PNG and SVG, its shown nodes and links as CSV, and the same
// selection as GraphML from the server's export route.
import { drawingToSvg } from './svgExport.js';
import { EXPORTED_FILTERS, FILTER_NAMES } from './viewState.js';

/** Offers `blob` to the user as a file named `name`. */
function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The drawing as a PNG at twice the screen's resolution, on white. */
export async function downloadPng(cy) {
  const blob = await cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 });
  save(blob, 'zgc-plan-view.png');
}

/** The drawing as SVG. */
export function downloadSvg(cy) {
  save(new Blob([drawingToSvg(cy)], { type: 'image/svg+xml' }), 'zgc-plan-view.svg');
}

/**
 * The nodes as a table: the fields every node has, then its date (an evidence's date, an assessment's
 * as-of, a source's date, a plan's issue date) and an assessment's verdict, then one `name_<language>`
 * column per language any of them has a name in (several names in one language joined by ` | `).
 * New columns go last, so a sheet reading the first ones by position keeps working.
 */
function nodeTable(nodes) {
  const languages = [...new Set(nodes.flatMap((d) => (d.names ?? []).map((n) => n.language)))].sort();
  const nameIn = (d, language) =>
    (d.names ?? [])
      .filter((n) => n.language === language)
      .map((n) => n.text)
      .join(' | ');
  return {
    fields: [
      ...['id', 'kind', 'name', 'namespace', 'tier', 'summary', 'sources', 'date', 'verdict'],
      ...languages.map((l) => `name_${l}`),
    ],
    data: nodes.map((d) => [
      ...[d.id, d.kind, d.name, d.namespace, d.tier ?? '', d.summary ?? '', d.sources.join(';')],
      ...[d.date ?? '', d.verdict ?? ''],
      ...languages.map((l) => nameIn(d, l)),
    ]),
  };
}

/** The shown nodes, or the shown links, as CSV (one row each). */
export function downloadCsv(cy, what) {
  const shown = cy.elements().not('.filtered');
  const table =
    what === 'nodes'
      ? nodeTable(shown.nodes().map((n) => n.data()))
      : {
          fields: ['id', 'type', 'source', 'target', 'basis', 'review', 'rationale', 'sources'],
          data: shown.edges().map((e) => {
            const d = e.data();
            return [d.id, d.type, d.source, d.target, d.basis, d.reviewStatus, d.rationale ?? '', d.sources.join(';')];
          }),
        };
  // escapeFormulae: a cell starting with =, +, - or @ is not run as a formula by a spreadsheet.
  save(new Blob([Papa.unparse(table, { escapeFormulae: true })], { type: 'text/csv' }), `zgc-plan-view-${what}.csv`);
}

/**
 * The export route's URL for the view's focus and filters, or null when the export would not hold what is
 * drawn: an overview, a view cut at a limit, one centred on more entities than the export takes
 * (`maxFocus`), one where a filter has no value left, or one kept to the members of an industry system
 * (a filter the export does not take).
 */
export function graphmlUrl(state, view, maxFocus) {
  if (view.mode === 'overview' || view.truncated || view.capped || state.focus.length > maxFocus) return null;
  if (FILTER_NAMES.some((f) => state[f] !== null && state[f].length === 0)) return null;
  if (FILTER_NAMES.some((f) => state[f] !== null && !EXPORTED_FILTERS.includes(f))) return null;
  const params = new URLSearchParams();
  if (state.focus.length > 0) {
    params.set('focus', state.focus.join(','));
    params.set('depth', String(state.depth));
  }
  for (const name of EXPORTED_FILTERS) if (state[name] !== null) params.set(name, state[name].join(','));
  const query = params.toString();
  return '/export.graphml' + (query ? '?' + query : '');
}
