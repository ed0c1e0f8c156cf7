// Outlines of the node shapes as SVG paths: the legend draws them and the SVG download writes them, so
// both show the shapes Cytoscape draws on the canvas.

// Unit outlines (x and y in -1..1) of the polygon shapes, in the order Cytoscape draws them.
const POLYGONS = {
  rectangle: [-1, -1, 1, -1, 1, 1, -1, 1],
  rhomboid: [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  triangle: [0, -1, 1, 1, -1, 1],
  pentagon: regular(5),
  hexagon: [-1, 0, -0.5, -1, 0.5, -1, 1, 0, 0.5, 1, -0.5, 1],
  octagon: [-0.4, -1, 0.4, -1, 1, -0.4, 1, 0.4, 0.4, 1, -0.4, 1, -1, 0.4, -1, -0.4],
  star: star(),
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  tag: [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
  barrel: [-0.9, -1, 0.9, -1, 1, -0.7, 1, 0.7, 0.9, 1, -0.9, 1, -1, 0.7, -1, -0.7],
};

function regular(sides) {
  const points = [];
  for (let i = 0; i < sides; i++) {
    const angle = ((2 * i) / sides) * Math.PI - Math.PI / 2;
    points.push(Math.cos(angle), Math.sin(angle));
  }
  return points;
}

function star() {
  const points = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 1 : 0.382;
    const angle = (i / 10) * 2 * Math.PI - Math.PI / 2;
    points.push(r * Math.cos(angle), r * Math.sin(angle));
  }
  return points;
}

const round = (v) => Math.round(v * 100) / 100;

/** The SVG path of `shape` centred on (x, y), `w` wide and `h` high. */
export function shapePath(shape, x, y, w, h) {
  const rx = w / 2;
  const ry = h / 2;
  if (shape === 'ellipse') {
    return `M ${round(x - rx)} ${round(y)} a ${round(rx)} ${round(ry)} 0 1 0 ${round(w)} 0 a ${round(rx)} ${round(ry)} 0 1 0 ${round(-w)} 0 Z`;
  }
  if (shape === 'round-rectangle') {
    const r = Math.min(rx, ry) / 2;
    const [l, t, rr, b] = [x - rx, y - ry, x + rx, y + ry].map(round);
    return (
      `M ${round(l + r)} ${t} H ${round(rr - r)} Q ${rr} ${t} ${rr} ${round(t + r)} V ${round(b - r)} ` +
      `Q ${rr} ${b} ${round(rr - r)} ${b} H ${round(l + r)} Q ${l} ${b} ${l} ${round(b - r)} V ${round(t + r)} ` +
      `Q ${l} ${t} ${round(l + r)} ${t} Z`
    );
  }
  const unit = POLYGONS[shape] ?? POLYGONS.rectangle;
  const parts = [];
  for (let i = 0; i < unit.length; i += 2) parts.push(`${round(x + unit[i] * rx)} ${round(y + unit[i + 1] * ry)}`);
  return 'M ' + parts.join(' L ') + ' Z';
}
