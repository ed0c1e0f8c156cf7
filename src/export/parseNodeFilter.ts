/**
 * The `kinds`, `tiers` and `namespace` of an export (`?kinds=GOAL,TASK&tiers=LEADING`): which nodes it
 * keeps once read.
 */
import type { NodeFilter } from './NodeFilter';
import { parseCommaList } from './parseCommaList';

/** The texts of the three parameters, each a comma-separated list or absent. */
export interface NodeFilterTexts {
  kinds?: string | undefined;
  tiers?: string | undefined;
  namespace?: string | undefined;
}

/** The EntityKind and IndustryTier values, as the schema names them. */
export interface NodeFilterChoices {
  kinds: readonly string[];
  tiers: readonly string[];
}

/** Parses each given list; BAD_USER_INPUT names the argument and shows the bad text. */
export function parseNodeFilter(texts: NodeFilterTexts, choices: NodeFilterChoices): NodeFilter {
  const filter: NodeFilter = {};
  if (texts.kinds !== undefined)
    filter.kinds = parseCommaList({ argument: 'kinds', text: texts.kinds, allowed: choices.kinds });
  if (texts.tiers !== undefined)
    filter.tiers = parseCommaList({ argument: 'tiers', text: texts.tiers, allowed: choices.tiers });
  if (texts.namespace !== undefined)
    filter.namespaces = parseCommaList({ argument: 'namespace', text: texts.namespace, noun: 'namespaces' });
  return filter;
}
