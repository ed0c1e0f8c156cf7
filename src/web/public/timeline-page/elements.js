// Building page and drawing elements from properties, attributes and text only (never markup), so that
// names and citations from the data cannot inject anything; and fitting labels to the room they have.

const NS = 'http://www.w3.org/2000/svg';

/** A new SVG `tag` element with `attrs` set and `children` (elements or text) appended. */
export function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs))
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** A new HTML `tag` element with `props` assigned and `children` (elements or text) appended. */
export function htmlEl(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A `<title>`, which browsers show on hover. */
export function svgTitle(text) {
  return svgEl('title', {}, text);
}

/**
 * Cuts every text carrying `data-fit` (its room, in pixels) to that width, ending it with an ellipsis;
 * the text must be in the document, since only laid-out text has a length.
 */
export function fitTexts(root) {
  for (const text of root.querySelectorAll('text[data-fit]')) {
    const room = Number(text.dataset.fit);
    const full = text.textContent;
    if (text.getComputedTextLength() <= room) continue;
    let low = 0;
    let high = full.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      text.textContent = full.slice(0, mid).trimEnd() + '…';
      if (text.getComputedTextLength() <= room) low = mid;
      else high = mid - 1;
    }
    text.textContent = low > 0 ? full.slice(0, low).trimEnd() + '…' : '';
  }
}
