// Zooming the drawing: the buttons, the keys and the wheel all zoom in steps about a point, between
// bounds set after each layout, so that the drawing never shrinks to a speck nor grows past reading size.
// Cytoscape's own wheel zoom moves about one per cent per notch of a mouse wheel, too little to be of use,
// so the page zooms on the wheel itself.

/** One step of the zoom buttons and keys, and of one notch (100 pixels) of a mouse wheel. */
export const ZOOM_STEP = 1.25;

// Labels are 12 px at zoom 1: four times that is as close as reading needs.
const CLOSEST = 4;
// How far past the zoom that fits the drawing one may zoom out.
const FARTHEST_SHARE = 0.5;
// A wheel event moves at most this many notches, so that one flick of a fast wheel stays in control.
const MOST_NOTCHES = 3;
const PIXELS_PER = { 0: 1, 1: 33, 2: 100 };

/** Zooms by `factor` about `at` (a point on the canvas; its centre by default). */
export function zoomBy(cy, factor, at = { x: cy.width() / 2, y: cy.height() / 2 }) {
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: at });
}

// Room around the fitted nodes, in pixels: below them more, for the labels under the lowest ones.
const PADDING = { side: 24, top: 24, bottom: 60 };

/**
 * Fits the shown nodes into the canvas. Their labels do not count: which labels are drawn depends on the
 * zoom (labelDetail.js), and a label at the canvas's side is drawn beside its node instead.
 */
export function fitShown(cy) {
  const shown = cy.nodes().not('.filtered');
  if (shown.empty()) return;
  const b = shown.boundingBox({ includeLabels: false, includeOverlays: false });
  const room = { w: cy.width() - 2 * PADDING.side, h: cy.height() - PADDING.top - PADDING.bottom };
  if (room.w <= 0 || room.h <= 0) return;
  const level = Math.min(room.w / Math.max(b.w, 1), room.h / Math.max(b.h, 1));
  cy.viewport({
    zoom: level,
    pan: {
      x: PADDING.side + (room.w - b.w * level) / 2 - b.x1 * level,
      y: PADDING.top + (room.h - b.h * level) / 2 - b.y1 * level,
    },
  });
}

/** Lifts the zoom bounds, so that a layout can fit any drawing. */
export function unboundZoom(cy) {
  cy.minZoom(1e-50);
  cy.maxZoom(1e50);
}

/** Bounds the zoom around the current one, which a layout has just fitted to the drawing. */
export function boundZoom(cy) {
  const fitted = cy.zoom();
  cy.minZoom(Math.min(fitted * FARTHEST_SHARE, 1));
  cy.maxZoom(Math.max(fitted, CLOSEST));
}

/**
 * Zooms on the wheel over `area` (an element holding the drawing), about the pointer, by ZOOM_STEP per
 * notch. Listening in the capture phase on an ancestor of Cytoscape's container keeps the event from
 * Cytoscape's own handler.
 */
export function zoomOnWheel(cy, area) {
  area.addEventListener(
    'wheel',
    (event) => {
      if (!cy.container().contains(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      const notches = (-event.deltaY * (PIXELS_PER[event.deltaMode] ?? 1)) / 100;
      const bounded = Math.max(-MOST_NOTCHES, Math.min(MOST_NOTCHES, notches));
      const box = cy.container().getBoundingClientRect();
      zoomBy(cy, ZOOM_STEP ** bounded, { x: event.clientX - box.left, y: event.clientY - box.top });
    },
    { capture: true, passive: false },
  );
}
