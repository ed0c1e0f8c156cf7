// The drawing from the keyboard: the arrow keys step through the shown nodes in reading order (left to
// right, then top to bottom), Enter expands the selected one, + and - zoom, 0 fits the view.
import { ZOOM_STEP, fitShown, zoomBy } from './zoom.js';

/** Listens for keys on the drawing; `selected()` names the selection, `select(id)` and `expand(id)` act. */
export function keyboardOnDrawing(cy, container, { selected, select, expand }) {
  container.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) {
      const order = cy
        .nodes()
        .not('.filtered')
        .sort((a, b) => a.position('x') - b.position('x') || a.position('y') - b.position('y'));
      if (order.empty()) return;
      const at = order.toArray().findIndex((n) => n.id() === selected());
      // From no selection, forward starts at the first node and backward at the last.
      const next = at < 0 ? (step > 0 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
      select(order[next].id());
    } else if (event.key === 'Enter' && selected()) expand(selected());
    else if (event.key === '+' || event.key === '=') zoomBy(cy, ZOOM_STEP);
    else if (event.key === '-') zoomBy(cy, 1 / ZOOM_STEP);
    else if (event.key === '0') fitShown(cy);
    else return;
    event.preventDefault();
  });
}
