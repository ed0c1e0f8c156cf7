// Lays the drawn elements out: layered (ELK) so that the graph reads from the Plan through its goals and
// tasks to what the tasks develop, or force-directed (fCoSE) as a choice. Only elements the
// filters show take part, so hiding some closes the gaps they leave.
import { kindOf } from './kinds.js';
import { boundZoom, fitShown, unboundZoom } from './zoom.js';
import { LABEL_PX, placeLabels } from './labelDetail.js';

/** Drawings with more nodes than this are laid out with less effort. */
const LARGE_DRAWING = 200;

const OPTIONS = {
  layered: {
    name: 'elk',
    nodeDimensionsIncludeLabels: true,
    animate: false,
    fit: false,
    elk: {
      algorithm: 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': true,
      'elk.spacing.nodeNode': 14,
      'elk.layered.spacing.nodeNodeBetweenLayers': 40,
      // Cytoscape draws its own edges, so ELK's cheapest routing will do; ordering by model order made
      // the layout twenty times slower on a 500-node neighbourhood.
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.considerModelOrder.strategy': 'NONE',
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
    },
    nodeLayoutOptions: (node) => ({ 'elk.partitioning.partition': kindOf(node.data('kind')).column }),
  },
  force: {
    // fCoSE: Cytoscape's own cose took a minute and a half on a thousand nodes, fCoSE about a second.
    name: 'fcose',
    quality: 'default',
    randomize: true,
    nodeDimensionsIncludeLabels: true,
    animate: false,
    fit: false,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 90,
  },
};

// Layouts run one after another: ELK cannot be stopped and writes its positions when it finishes, so a
// layout started while an earlier one runs waits for it, and the last one asked for is the one that stays.
let running = Promise.resolve();

/**
 * Lays out the shown elements with `name` once every layout asked for before has finished; resolves when
 * this one has placed every node.
 */
export function runLayout(cy, name) {
  const mine = running.then(() => layoutNow(cy, name));
  running = mine.catch(() => undefined);
  return mine;
}

function layoutNow(cy, name) {
  const shown = cy.elements().not('.filtered');
  if (shown.empty()) return Promise.resolve();
  const options = OPTIONS[name] ?? OPTIONS.layered;
  // Fewer sweeps against crossings on large drawings keep the layout within a second or so.
  if (options.name === 'elk') options.elk['elk.layered.thoroughness'] = shown.nodes().length > LARGE_DRAWING ? 1 : 7;
  // Every label takes its room in the layout, at the size it has at zoom 1, so that zoomed in all of them fit;
  // labelDetail.js then keeps those that fit at the zoom the drawing is fitted to.
  cy.batch(() =>
    shown.nodes().data({ labelFont: LABEL_PX, labelAlign: 'center', labelValign: 'bottom' }).addClass('labelled'),
  );
  const layout = shown.layout(options);
  // The drawing is fitted once laid out: the zoom bounds are lifted for it and set around the zoom it fits to.
  const done = layout.promiseOn('layoutstop').then(() => {
    fitShown(cy);
    boundZoom(cy);
    placeLabels(cy);
  });
  unboundZoom(cy);
  layout.run();
  return done;
}
