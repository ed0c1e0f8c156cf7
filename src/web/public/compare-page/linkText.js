// How a link between the two columns reads and is drawn: its type in words, and its basis, which
// decides the dash (inferred links dashed, as in the explorer) and the words that go with it.
import { BASES } from '../explorer/kinds.js';

/** The link's type in words: REVISES -> "revises". */
export function typeText(type) {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** "stated by the source" or "inferred by us". */
export function basisText(basis) {
  return (BASES[basis] ?? basis).toLowerCase();
}

/** True for a link drawn dashed. */
export function isInferred(link) {
  return link.basis === 'INFERRED';
}
