/**
 * What makes this server's answers its own beyond the graph: the schema it serves, its API limits, the
 * source texts it quotes and the operations it allows. Two servers (or two builds) that differ in any of
 * these never confirm each other's answers by ETag.
 */
import { createHash } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';
import type { ApiLimits } from '../config/ApiLimits';
import type { SourceTexts } from '../provenance/checkCitations';
import type { AllowedOperations } from '../guards/allowedOperations';

/** A short hash of the server's schema, limits, source texts and allow-list. */
export function serverFingerprint(
  typeDefs: DocumentNode,
  limits: ApiLimits,
  sourceTexts: SourceTexts,
  allowed: AllowedOperations | undefined,
): string {
  const texts = [...sourceTexts].map(([id, text]) => `${id}=${text.sha256}`).sort();
  const operations = allowed ? [...allowed.canonicalHashes].sort() : null;
  return createHash('sha256')
    .update(JSON.stringify({ schema: print(typeDefs), limits, texts, operations }))
    .digest('base64url')
    .slice(0, 16);
}
