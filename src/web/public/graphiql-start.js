// Starts GraphiQL on this server's /graphql with example queries for analysts in tabs.
(function () {
  const examples = [
    [
      '# Which tasks serve the goal of international cooperation, and what do they build?',
      '{\n  goalImpact(id: "zgc14:goal-2025-international") {\n' +
        '    tasks { ordinal name }\n    industries { name }\n    platforms { name }\n  }\n}',
    ],
    [
      '# How is the Zhongguancun Forum connected to the 2035 goal?',
      '{\n  shortestPath(from: "zgc14:platform-zgc-forum", to: "zgc14:goal-2035") {\n' +
        '    length\n    nodes { kind name }\n    edges { type source target basis }\n  }\n}',
    ],
    [
      '# Which goals have no task behind them, and what else is uncovered?',
      '{\n  gaps {\n    goalsWithoutTasks { id name }\n' +
        '    industriesWithoutTasks { id name }\n    platformsWithoutTasks { id name }\n  }\n}',
    ],
    [
      '# Goals, the tasks that advance them, and why each link is there',
      '{\n  goals(sort: [{field: TARGET_YEAR}, {field: ORDINAL}]) {\n    targetYear\n    name\n' +
        '    tasksConnection {\n      edges { basis rationale sources node { ordinal name } }\n    }\n  }\n}',
    ],
    [
      '# Search names and summaries',
      '{\n  search(text: "digital economy", limit: 5) {\n    score\n    entity { __typename id name summary }\n  }\n}',
    ],
  ];
  // Curation needs a token: this tab carries the header to fill in (never stored by the browser).
  const curation = {
    query:
      '# Curators: replace the token in Headers below (npm run token -- --sub NAME --roles curator).\n' +
      '# The change lands with its history; see it with { history(id: "zgc14:goal-2035") { at by message } }\n' +
      'mutation {\n  applyChanges(message: "Say why", changes: [\n    {upsertLink: {type: ADVANCES, ' +
      'source: "zgc14:task-digital-economy", target: "zgc14:goal-2035", basis: INFERRED,\n' +
      '      rationale: "Our reading", citations: [{source: "zgc14:source-article", paragraph: 1, start: 0, end: 10}]}}\n' +
      '  ]) {\n    id by at changes { op targetId }\n  }\n}',
    headers: '{"Authorization": "Bearer PASTE-A-TOKEN"}',
  };
  // A link may open the IDE on a query of its own (the explorer's "Open in GraphiQL"): it comes first.
  const params = new URLSearchParams(window.location.search);
  const linked = params.has('query')
    ? { query: params.get('query'), variables: params.get('variables') ?? undefined }
    : {};
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolbarTabs: undefined,
      defaultTabs: examples.map(([comment, query]) => ({ query: comment + '\n' + query })).concat([curation]),
      // GraphiQL opens (or adds) a tab for a given query, even when it restores the tabs of an earlier visit.
      ...linked,
      shouldPersistHeaders: false,
    }),
  );
})();
