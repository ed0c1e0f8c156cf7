// Which node labels the drawing shows, so that every label drawn can be read: a label is drawn at
// LABEL_PX on screen or larger, whatever the zoom, and only where it fits inside the canvas without
// covering another label or another node. The most telling nodes claim their room first: the selection,
// highlighted answers and search hits, then the plans, then the most connected. Zoomed out, that leaves
// the labels of the plans, the chosen and the most connected nodes; zoomed in, every label fits. A label
// stands below its node, centred or to one side, else above it, wherever it first fits.
// Labels that would cross a node are left out, except those of the chosen nodes and the plans.
// The page announces on <body> `data-labels` ("placed" once the labels suit the current viewport) and
// `data-labelled` (how many are drawn).

/** Height of a drawn label's letters on screen, in CSS pixels, at any zoom. */
export const LABEL_PX = 12;
// Cytoscape draws a line of text about this many font sizes high.
const LINE_HEIGHT = 1.25;
// Room kept clear around each label, and between a label and the canvas's edge.
const GAP = 2;
const EDGE = 4;
// Below its node, as the stylesheet's text-margin-y sets it (model units).
const MARGIN_Y = 3;
// Obstacles are looked up in a grid of cells this large (rendered pixels).
const CELL = 64;

const widths = new Map();
let context = null;
// The width of one line of label text at LABEL_PX, measured once per line.
function lineWidth(text) {
  let width = widths.get(text);
  if (width === undefined) {
    context ??= document.createElement('canvas').getContext('2d');
    context.font = `${LABEL_PX}px system-ui, sans-serif`;
    width = context.measureText(text).width;
    widths.set(text, width);
  }
  return width;
}

// A spatial index of boxes already taken on the canvas.
class TakenBoxes {
  constructor() {
    this.cells = new Map();
  }
  *cellsOf(b) {
    for (let i = Math.floor(b.x1 / CELL); i <= Math.floor(b.x2 / CELL); i++)
      for (let j = Math.floor(b.y1 / CELL); j <= Math.floor(b.y2 / CELL); j++) yield `${i},${j}`;
  }
  add(b, owner) {
    for (const key of this.cellsOf(b)) {
      const list = this.cells.get(key);
      if (list) list.push({ b, owner });
      else this.cells.set(key, [{ b, owner }]);
    }
  }
  // Whether `b` meets a taken box that is not `owner`'s own.
  meets(b, owner) {
    for (const key of this.cellsOf(b))
      for (const taken of this.cells.get(key) ?? [])
        if (taken.owner !== owner && b.x1 < taken.b.x2 && taken.b.x1 < b.x2 && b.y1 < taken.b.y2 && taken.b.y1 < b.y2)
          return true;
    return false;
  }
}

// Nodes in the order they claim room for their labels.
const claim = (n) =>
  n.selected() ? 0 : n.hasClass('highlight') ? 1 : n.hasClass('search-hit') ? 2 : n.data('kind') === 'PLAN' ? 3 : 4;
// Each node's claim and degree are read once: a sort would otherwise count links at every comparison.
function byClaim(nodes) {
  const keyed = nodes.map((n) => ({ n, claim: claim(n), degree: n.degree(), id: n.id() }));
  keyed.sort((a, b) => a.claim - b.claim || b.degree - a.degree || (a.id < b.id ? -1 : 1));
  return keyed;
}

// Where the label would stand beside its node, as [halign, valign, rendered box]: below, centred or to
// one side, else above.
function labelBoxes(node, zoom, px) {
  const lines = String(node.data('label')).split('\n');
  const width = Math.max(...lines.map(lineWidth)) * (px / LABEL_PX);
  const height = lines.length * px * LINE_HEIGHT;
  const at = node.renderedPosition();
  const half = { x: (node.width() * zoom) / 2, y: (node.height() / 2 + MARGIN_Y) * zoom };
  const box = (x1, y1) => ({ x1: x1 - GAP, y1: y1 - GAP, x2: x1 + width + GAP, y2: y1 + height + GAP });
  const places = [];
  for (const [valign, y1] of [
    ['bottom', at.y + half.y],
    ['top', at.y - half.y - height],
  ])
    for (const [halign, x1] of [
      ['center', at.x - width / 2],
      ['right', at.x + half.x],
      ['left', at.x - half.x - width],
    ])
      places.push([halign, valign, box(x1, y1)]);
  return places;
}

/**
 * Decides which shown nodes have their labels drawn at the current viewport, and at what size; marks them
 * with the class `labelled` and announces the result on <body>.
 */
export function placeLabels(cy) {
  const zoom = cy.zoom();
  const px = Math.max(LABEL_PX, LABEL_PX * zoom);
  const [width, height] = [cy.width(), cy.height()];
  const inside = (b) => b.x1 >= EDGE && b.y1 >= EDGE && b.x2 <= width - EDGE && b.y2 <= height - EDGE;
  const shown = cy.nodes().not('.filtered');
  // Nodes are obstacles to labels, but not to the labels of the chosen nodes and the plans, which must show.
  const nodesTaken = new TakenBoxes();
  const taken = new TakenBoxes();
  // A node's box from its position and size: Cytoscape's own bounding box costs far more, per node and frame.
  const inView = shown.filter((n) => {
    const p = n.renderedPosition();
    const [w, h] = [(n.width() * zoom) / 2, (n.height() * zoom) / 2];
    const b = { x1: p.x - w, y1: p.y - h, x2: p.x + w, y2: p.y + h };
    if (b.x2 < 0 || b.y2 < 0 || b.x1 > width || b.y1 > height) return false;
    nodesTaken.add(b, n.id());
    return true;
  });
  const labelled = [];
  const place = new Map();
  for (const { n: node, claim: rank } of byClaim(inView)) {
    const mustShow = rank < 4;
    const fitting = labelBoxes(node, zoom, px).find(
      ([, , b]) => inside(b) && !taken.meets(b, node.id()) && (mustShow || !nodesTaken.meets(b, node.id())),
    );
    if (!fitting) continue;
    taken.add(fitting[2], node.id());
    labelled.push(node);
    place.set(node.id(), fitting);
  }
  // Only what changed is written: each write makes Cytoscape restyle the node.
  const font = px / zoom;
  cy.batch(() => {
    shown.filter('.labelled').forEach((node) => {
      if (!place.has(node.id())) node.removeClass('labelled');
    });
    for (const node of labelled) {
      const [halign, valign] = place.get(node.id());
      const d = node.data();
      if (d.labelFont !== font || d.labelAlign !== halign || d.labelValign !== valign)
        node.data({ labelFont: font, labelAlign: halign, labelValign: valign });
      if (!node.hasClass('labelled')) node.addClass('labelled');
    }
    // A selected link's type is drawn at the same size as the labels.
    cy.edges(':selected').data('labelFont', font);
  });
  document.body.dataset.labelled = String(labelled.length);
  document.body.dataset.labels = 'placed';
}

/**
 * Places the labels again whenever the viewport or the selection changes, at most once a frame; returns
 * the function that asks for it, for the changes Cytoscape does not tell of (highlights, search hits).
 */
export function placeLabelsOnChange(cy) {
  let pending = false;
  const schedule = () => {
    document.body.dataset.labels = 'pending';
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      placeLabels(cy);
    });
  };
  cy.on('viewport resize select unselect', schedule);
  return schedule;
}
