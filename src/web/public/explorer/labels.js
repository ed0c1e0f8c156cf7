// Node labels: long names are wrapped onto a few short lines and the rest cut with an ellipsis, the
// same lines on the canvas and in the SVG download; the full name is in the tooltip and the details.
// With Chinese names asked for, a node's Chinese name follows its English one, cut into lines by
// characters (Chinese puts no spaces between words).

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

/** Characters per line of a Chinese name (each about twice as wide as a Latin letter). */
export const CJK_LINE_CHARS = 12;
/** Lines of a Chinese name under the English one. */
export const CJK_MAX_LINES = 2;

/** The node's first Chinese name (simplified before traditional), or null when it has none. */
export function chineseName(names) {
  const chinese = (names ?? []).filter((n) => n.language === 'zh' || n.language.startsWith('zh-'));
  return (chinese.find((n) => n.language !== 'zh-Hant') ?? chinese[0])?.text ?? null;
}

/** The lines of a Chinese name: runs of CJK_LINE_CHARS characters, the last cut with "…" when longer. */
export function cjkLines(text) {
  const chars = [...String(text).replace(/\s+/g, ' ').trim()];
  const lines = [];
  for (let i = 0; i < chars.length && lines.length < CJK_MAX_LINES; i += CJK_LINE_CHARS)
    lines.push(chars.slice(i, i + CJK_LINE_CHARS).join(''));
  if (chars.length > CJK_LINE_CHARS * CJK_MAX_LINES)
    lines[CJK_MAX_LINES - 1] = lines[CJK_MAX_LINES - 1].slice(0, -1) + '…';
  return lines;
}

/** A node's label: its English name's lines, and with `chinese` its Chinese name's under them. */
export function nodeLabel(node, chinese) {
  const zh = chinese ? chineseName(node.names) : null;
  return [...labelLines(node.name), ...(zh ? cjkLines(zh) : [])].join('\n');
}
