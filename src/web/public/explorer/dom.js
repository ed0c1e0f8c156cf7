// Building page elements from text only (never HTML), so names and citations cannot inject markup.

/** A new `tag` element with `props` assigned and `children` appended. */
export function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}
