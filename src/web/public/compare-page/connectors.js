// The drawing of the links between the two columns: one curve per link from the row (or plan heading)
// it starts at to the one it ends at, arrowed at its end, dashed when inferred, and numbered as the
// list below numbers it. Drawn over the columns from their rows' boxes, so it is redrawn whenever the
// layout changes size.
import { isInferred, typeText } from './linkText.js';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function arrowhead() {
  const marker = svgEl('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }));
  const defs = svgEl('defs', {});
  defs.append(marker);
  return defs;
}

// Where a link meets a row: the row's edge that faces the other column, at its middle.
function anchor(box, origin, side) {
  return { x: (side === 'left' ? box.right : box.left) - origin.left, y: (box.top + box.bottom) / 2 - origin.top };
}

// A label's place on the curve, moved down until it clears the labels already placed.
function labelPlace(a, b, placed) {
  const at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  while (placed.some((p) => Math.abs(p.x - at.x) < 22 && Math.abs(p.y - at.y) < 22)) at.y += 22;
  placed.push(at);
  return at;
}

/**
 * Draws `links` in `svg`, which covers `container`; rows are found in `container` by `data-id` within
 * the left and right columns. Returns how many links were drawn.
 */
export function drawConnectors(svg, container, links) {
  const origin = container.getBoundingClientRect();
  svg.setAttribute('width', String(container.scrollWidth));
  svg.setAttribute('height', String(container.scrollHeight));
  svg.replaceChildren(arrowhead());
  const find = (side, id) => container.querySelector(`#column-${side} [data-id="${window.CSS.escape(id)}"]`);
  const placed = [];
  let count = 0;
  links.forEach((link, i) => {
    const to = link.from === 'left' ? 'right' : 'left';
    const start = find(link.from, link.source);
    const end = find(to, link.target);
    if (!start || !end) return;
    const a = anchor(start.getBoundingClientRect(), origin, link.from);
    const b = anchor(end.getBoundingClientRect(), origin, to);
    const bend = (b.x - a.x) / 2;
    const path = svgEl('path', {
      d: `M${a.x},${a.y} C${a.x + bend},${a.y} ${b.x - bend},${b.y} ${b.x},${b.y}`,
      class: `connector ${isInferred(link) ? 'inferred' : 'stated'} type-${link.type.toLowerCase()}`,
      'marker-end': 'url(#arrow)',
      'data-link-id': link.id,
    });
    path.append(svgEl('title', {}));
    path.lastChild.textContent = `${i + 1}: ${typeText(link.type)}`;
    const at = labelPlace(a, b, placed);
    const label = svgEl('g', { class: 'connector-label', 'data-link-id': link.id });
    label.append(svgEl('circle', { cx: at.x, cy: at.y, r: 10 }), svgEl('text', { x: at.x, y: at.y, dy: '0.35em' }));
    label.lastChild.textContent = String(i + 1);
    svg.append(path, label);
    count += 1;
  });
  return count;
}
