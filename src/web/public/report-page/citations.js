// A list of citations as a printed reference reads: the source (its name, and its own title where it
// has one, linked to where it is published), the paragraph, and the cited words when the server holds
// the source's text; without that text, a note saying so instead of the words.
import { el } from '../explorer/dom.js';

function sourceText(source) {
  const title = source.title && !source.name.includes(source.title) ? ` — “${source.title}”` : '';
  return source.name + title;
}

function citation(c) {
  const source = c.source.url
    ? el('a', { href: c.source.url, className: 'source' }, sourceText(c.source))
    : el('span', { className: 'source' }, sourceText(c.source));
  const li = el('li', {}, source, `, paragraph ${c.paragraph}`);
  li.append(
    c.text === null
      ? el(
          'span',
          { className: 'no-text' },
          ' (the server does not hold this source’s text, so the cited words are not shown)',
        )
      : el('span', {}, ': ', el('q', { className: 'cited' }, c.text)),
  );
  return li;
}

/** The citations as a list, or nothing when there are none. */
export function citationList(citations, heading) {
  if (citations.length === 0) return [];
  return [
    el('p', { className: 'cite-heading' }, heading),
    el('ul', { className: 'citations' }, ...citations.map(citation)),
  ];
}
