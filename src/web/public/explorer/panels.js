// The side panels fold away to give the drawing the whole width: each has a button in the header that
// says what it does and whether its panel is shown (aria-expanded). The choice is the reader's, kept in
// the browser for the next visit, not part of the view a URL shares.

const STORED = 'explorer.hiddenPanels';

function storedHidden() {
  try {
    return JSON.parse(localStorage.getItem(STORED) ?? '[]');
  } catch {
    return [];
  }
}

/**
 * Wires each `[button, panel, name]`: a click shows or hides the panel; `changed()` runs after each change
 * (the drawing's room changed). Returns `show(name)`, which unfolds a panel that an action needs.
 */
export function foldingPanels(pairs, changed) {
  const hidden = new Set(storedHidden());
  const render = () => {
    for (const [button, panel, name] of pairs) {
      const shown = !hidden.has(name);
      panel.hidden = !shown;
      button.setAttribute('aria-expanded', String(shown));
      button.textContent = (shown ? 'Hide ' : 'Show ') + name;
    }
  };
  const set = (name, hide) => {
    if (hidden.has(name) === hide) return;
    if (hide) hidden.add(name);
    else hidden.delete(name);
    try {
      localStorage.setItem(STORED, JSON.stringify([...hidden]));
    } catch {
      // A browser that keeps nothing still folds the panel for this visit.
    }
    render();
    changed();
  };
  for (const [button, , name] of pairs) button.addEventListener('click', () => set(name, !hidden.has(name)));
  render();
  return (name) => set(name, false);
}
