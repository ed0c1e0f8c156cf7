/** An Apollo Server plugin that answers browsers at /graphql with GraphiQL, served from this server. */
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

/** Serves `graphiql.html` from `webDir` as the landing page (no CDN: its scripts come from /vendor). */
export function graphiqlLandingPage(webDir: string): ApolloServerPlugin {
  const html = fs.readFileSync(path.join(webDir, 'graphiql.html'), 'utf8');
  return {
    serverWillStart() {
      return Promise.resolve({
        renderLandingPage: () => Promise.resolve({ html }),
      });
    },
  };
}
