// The links between the two columns as a numbered list: the readable form of the drawing (which is
// hidden from screen readers), with each link's type, direction, basis and, for an inferred link, why.
import { el } from '../explorer/dom.js';
import { basisText, isInferred, typeText } from './linkText.js';

function sample(link) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'sample');
  svg.setAttribute('width', '32');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  for (const [name, value] of Object.entries({ x1: 1, y1: 5, x2: 31, y2: 5 })) line.setAttribute(name, String(value));
  if (isInferred(link)) line.setAttribute('stroke-dasharray', '6 4');
  svg.append(line);
  return svg;
}

/** Lists `links` in `list`, numbered as the drawing numbers them; `names` maps ids to names. */
export function renderConnections(list, links, names) {
  list.replaceChildren(
    ...links.map((link) => {
      const li = el(
        'li',
        { className: isInferred(link) ? 'inferred' : 'stated' },
        sample(link),
        ' ',
        el('strong', {}, names.get(link.source)),
        ` (${link.from === 'left' ? 'left' : 'right'}) `,
        el('span', { className: 'type' }, typeText(link.type)),
        ' ',
        el('strong', {}, names.get(link.target)),
        ` (${link.from === 'left' ? 'right' : 'left'}) — `,
        el('span', { className: 'basis' }, basisText(link.basis)),
      );
      if (link.rationale) li.append(el('span', { className: 'rationale' }, `: ${link.rationale}`));
      li.dataset.linkId = link.id;
      li.dataset.basis = link.basis;
      return li;
    }),
  );
}
