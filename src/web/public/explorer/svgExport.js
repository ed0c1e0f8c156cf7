// The drawing as SVG, written from what Cytoscape has laid out: each shown node as its shape and its
// wrapped label, each shown link as a line with an arrow, dashed when inferred and dotted when disputed.
import { kindOf } from './kinds.js';
import { shapePath } from './shapes.js';

const escapeXml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c],
  );
const round = (v) => Math.round(v * 10) / 10;

function edgeSvg(e) {
  const d = e.data();
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const control = e.controlPoints();
  const path =
    control && control.length > 0
      ? `M ${round(s.x)} ${round(s.y)} Q ${round(control[0].x)} ${round(control[0].y)} ${round(t.x)} ${round(t.y)}`
      : `M ${round(s.x)} ${round(s.y)} L ${round(t.x)} ${round(t.y)}`;
  const disputed = d.reviewStatus === 'DISPUTED';
  const dash = disputed ? ' stroke-dasharray="1.5 3"' : d.basis === 'INFERRED' ? ' stroke-dasharray="6 4"' : '';
  const colour = disputed ? '#b91c1c' : '#9ca3af';
  return (
    `<g class="edge" data-id="${escapeXml(d.id)}" data-type="${d.type}" data-basis="${d.basis}">` +
    `<title>${escapeXml(d.type)}</title>` +
    `<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.4"${dash} marker-end="url(#arrow-${disputed ? 'disputed' : 'plain'})"/></g>`
  );
}

function nodeSvg(n) {
  const d = n.data();
  const k = kindOf(d.kind);
  const p = n.position();
  const w = n.width();
  const h = n.height();
  const lines = d.label.split('\n');
  const top = p.y + h / 2 + 3 + 10;
  const text = lines
    .map((line, i) => `<tspan x="${round(p.x)}" y="${round(top + i * 12)}">${escapeXml(line)}</tspan>`)
    .join('');
  return (
    `<g class="node" data-id="${escapeXml(d.id)}" data-kind="${d.kind}"><title>${escapeXml(d.name)}</title>` +
    `<path d="${shapePath(k.shape, p.x, p.y, w, h)}" fill="${k.color}" stroke="#ffffff"/>` +
    `<text text-anchor="middle" font-family="system-ui, sans-serif" font-size="10" fill="#111827">${text}</text></g>`
  );
}

/** The shown part of the drawing as an SVG document. */
export function drawingToSvg(cy) {
  const shown = cy.elements().not('.filtered');
  const box = shown.boundingBox({ includeLabels: true });
  const pad = 20;
  const [x, y, w, h] = [box.x1 - pad, box.y1 - pad, box.w + 2 * pad, box.h + 2 * pad].map(round);
  const marker = (id, colour) =>
    `<marker id="arrow-${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path d="M 0 0 L 10 5 L 0 10 z" fill="${colour}"/></marker>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}">` +
    `<defs>${marker('plain', '#9ca3af')}${marker('disputed', '#b91c1c')}</defs>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/>` +
    `<g class="edges">${shown.edges().map(edgeSvg).join('')}</g>` +
    `<g class="nodes">${shown.nodes().map(nodeSvg).join('')}</g>` +
    '</svg>\n'
  );
}
