// Node labels: long names are wrapped onto a few short lines and the rest cut with an ellipsis, the
// same lines on the canvas and in the SVG download; the full name is in the tooltip and the details.

/** Characters per label line. */
export const LINE_CHARS = 22;
/** Lines per label. */
export const MAX_LINES = 3;

/** The lines of a node's label: whole words where they fit, the last line cut with "…" when the name is longer. */
export function labelLines(name) {
  const words = String(name).split(/\s+/).filter(Boolean);
  const lines = [];
  let line = '';
  for (let word of words) {
    while (word.length > LINE_CHARS) {
      if (line) lines.push(line);
      lines.push(word.slice(0, LINE_CHARS - 1) + '-');
      word = word.slice(LINE_CHARS - 1);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= LINE_CHARS) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  const last = kept[MAX_LINES - 1];
  kept[MAX_LINES - 1] = (last.length >= LINE_CHARS ? last.slice(0, LINE_CHARS - 1) : last) + '…';
  return kept;
}
