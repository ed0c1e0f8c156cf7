// Search over names and summaries: the results are buttons, reachable with Tab and picked with Enter.
import { graphql } from './api.js';
import { kindOf } from './kinds.js';

/** How many hits a search lists. */
export const SEARCH_LIMIT = 10;

/**
 * Runs the search for `text` and lists its hits in `list`; `pick(hit)` runs when one is chosen. Resolves
 * once the list is filled; fills nothing when `current()` says a newer view has taken over meanwhile.
 */
export async function runSearch(list, text, pick, current) {
  list.replaceChildren();
  if (!text.trim()) return;
  const item = (content) => Object.assign(document.createElement('li'), content);
  try {
    const data = await graphql(
      'query Search($text: String!, $limit: Int!) { search(text: $text, limit: $limit) { score entity { id name kind } } }',
      { text, limit: SEARCH_LIMIT },
    );
    if (!current()) return;
    for (const hit of data.search) {
      const li = item({});
      li.dataset.id = hit.entity.id;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'result';
      button.textContent = `${hit.entity.name} (${kindOf(hit.entity.kind).label})`;
      button.addEventListener('click', () => pick(hit.entity));
      li.append(button);
      list.append(li);
    }
    if (data.search.length === 0) list.append(item({ textContent: 'No match' }));
  } catch (error) {
    if (!current()) return;
    list.append(item({ textContent: 'Search failed: ' + error.message, className: 'error' }));
  }
}
