// The graph explorer: draws the Plan graph with Cytoscape.js and talks only to the GraphQL API.
(function () {
  const KINDS = {
    PLAN: { color: '#374151', shape: 'round-rectangle', label: 'Plan' },
    GOAL: { color: '#dc2626', shape: 'star', label: 'Goal' },
    TASK: { color: '#2563eb', shape: 'round-rectangle', label: 'Task' },
    INDUSTRY: { color: '#16a34a', shape: 'ellipse', label: 'Industry' },
    PLATFORM: { color: '#9333ea', shape: 'diamond', label: 'Platform' },
    AREA: { color: '#d97706', shape: 'hexagon', label: 'Area' },
    ACTION_PLAN: { color: '#0891b2', shape: 'tag', label: 'Action plan' },
    SOURCE: { color: '#6b7280', shape: 'rectangle', label: 'Source' },
    FRAMEWORK: { color: '#15803d', shape: 'barrel', label: 'Framework' },
    FIELD: { color: '#0d9488', shape: 'octagon', label: 'Field' },
    TECHNOLOGY: { color: '#4f46e5', shape: 'triangle', label: 'Technology' },
    BUSINESS_FORM: { color: '#65a30d', shape: 'vee', label: 'Business form' },
    AIM: { color: '#be123c', shape: 'pentagon', label: 'Aim' },
  };
  const CITATION_FIELDS = 'citations { paragraph start end text source { id name } }';
  const NODE_FIELDS = 'id kind name summary sources namespace ' + CITATION_FIELDS;
  const EDGE_FIELDS = 'id type source target basis rationale sources ' + CITATION_FIELDS;
  const $ = (id) => document.getElementById(id);
  const state = { selected: null, pathFrom: null, pathTo: null };

  async function graphql(query, variables) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  }

  const cy = cytoscape({
    container: $('graph'),
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(name)',
          'font-size': 9,
          'text-wrap': 'ellipsis',
          'text-max-width': 110,
          'background-color': (n) => KINDS[n.data('kind')].color,
          shape: (n) => KINDS[n.data('kind')].shape,
          width: 22,
          height: 22,
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1.4,
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'line-color': '#9ca3af',
          'target-arrow-color': '#9ca3af',
          label: 'data(type)',
          'font-size': 6,
          color: '#6b7280',
        },
      },
      { selector: 'edge[basis = "INFERRED"]', style: { 'line-style': 'dashed' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
      {
        selector: '.highlight',
        style: {
          'border-width': 4,
          'border-color': '#f59e0b',
          'line-color': '#f59e0b',
          'target-arrow-color': '#f59e0b',
          width: 3,
          'z-index': 10,
        },
      },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
    wheelSensitivity: 0.3,
  });
  window.cy = cy;

  function add(graph) {
    const fresh = [];
    for (const n of graph.nodes) if (cy.getElementById(n.id).empty()) fresh.push({ group: 'nodes', data: n });
    for (const e of graph.edges) if (cy.getElementById(e.id).empty()) fresh.push({ group: 'edges', data: e });
    cy.add(fresh);
    return fresh.length;
  }

  function layout() {
    cy.layout({ name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 70, randomize: false }).run();
  }

  function clearHighlights() {
    cy.elements().removeClass('highlight faded');
    $('path-status').textContent = '';
  }

  function highlight(ids) {
    clearHighlights();
    const chosen = cy.collection(ids.map((id) => cy.getElementById(id)).filter((e) => e.nonempty()));
    cy.elements().not(chosen).addClass('faded');
    chosen.addClass('highlight');
    return chosen;
  }

  // One citation: where it points and, when the server holds the source's text, the cited words.
  function citationItem(c) {
    const li = document.createElement('li');
    const where = c.source.name + ', paragraph ' + c.paragraph + ', characters ' + c.start + '-' + c.end;
    if (c.text === null) {
      li.textContent = where + ' (the server has no text of this source)';
    } else {
      const quote = document.createElement('q');
      quote.textContent = c.text;
      li.append(quote, ' (' + where + ')');
    }
    return li;
  }

  function show(node) {
    state.selected = node.id();
    const d = node.data();
    $('details').hidden = false;
    $('details-name').textContent = d.name;
    $('details-kind').textContent = KINDS[d.kind].label + ' · ' + d.id;
    $('details-summary').textContent = d.summary || '';
    $('details-sources').textContent = 'Source paragraphs: ' + d.sources.join(', ');
    $('details-citations').replaceChildren(...d.citations.map(citationItem));
    $('impact').hidden = d.kind !== 'GOAL';
    const links = $('details-links');
    links.replaceChildren();
    node.connectedEdges().forEach((e) => {
      const ed = e.data();
      const other = ed.source === d.id ? cy.getElementById(ed.target) : cy.getElementById(ed.source);
      const li = document.createElement('li');
      li.textContent =
        (ed.source === d.id ? ed.type + ' → ' : '← ' + ed.type + ' ') +
        other.data('name') +
        ' (' +
        ed.basis.toLowerCase() +
        (ed.rationale ? ': ' + ed.rationale : '') +
        ')';
      const evidence = document.createElement('ol');
      evidence.className = 'citations';
      evidence.append(...ed.citations.map(citationItem));
      li.append(evidence);
      links.append(li);
    });
  }

  // The page announces its state on <body> so that scripts and tests can wait for it rather than for
  // time: data-selected names the entity in the details panel, data-view is "moving" while the
  // viewport animates and "still" once nodes are where cy reports them.
  let moving = 0;
  function announceView() {
    document.body.dataset.view = moving > 0 ? 'moving' : 'still';
  }

  function select(id) {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.$(':selected').unselect();
    node.select();
    moving += 1;
    announceView();
    cy.animate({
      center: { eles: node },
      duration: 200,
      complete: () => {
        moving -= 1;
        announceView();
      },
    });
    show(node);
    document.body.dataset.selected = id;
  }

  cy.on('tap', 'node', (event) => select(event.target.id()));

  $('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('search-text').value;
    const list = $('search-results');
    list.replaceChildren();
    try {
      const data = await graphql(
        'query($text: String!) { search(text: $text, limit: 10) { score entity { id name kind } } }',
        { text },
      );
      for (const hit of data.search) {
        const li = document.createElement('li');
        li.textContent = hit.entity.name + ' (' + KINDS[hit.entity.kind].label + ')';
        li.dataset.id = hit.entity.id;
        li.addEventListener('click', () => select(hit.entity.id));
        list.append(li);
      }
      if (data.search.length === 0)
        list.append(Object.assign(document.createElement('li'), { textContent: 'No match' }));
    } catch (error) {
      list.append(Object.assign(document.createElement('li'), { textContent: error.message }));
    }
  });

  $('expand').addEventListener('click', async () => {
    const data = await graphql(
      `query($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
      { id: state.selected },
    );
    if (add(data.neighborhood) > 0) layout();
    highlight(data.neighborhood.nodes.map((n) => n.id).concat(data.neighborhood.edges.map((e) => e.id)));
  });

  async function findPath() {
    if (!state.pathFrom || !state.pathTo) {
      $('path-status').textContent = 'Path from ' + (state.pathFrom || '?') + ' to ' + (state.pathTo || '?');
      return;
    }
    const data = await graphql(
      `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) ` +
        `{ length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
      { from: state.pathFrom, to: state.pathTo },
    );
    const path = data.shortestPath;
    if (!path) {
      clearHighlights();
      $('path-status').textContent = 'No path between them within the hop limit';
      return;
    }
    add(path);
    highlight(path.nodes.map((n) => n.id).concat(path.edges.map((e) => e.id)));
    $('path-status').textContent = 'Path of length ' + path.length + ': ' + path.nodes.map((n) => n.name).join(' — ');
  }
  $('path-from').addEventListener('click', () => {
    state.pathFrom = state.selected;
    void findPath();
  });
  $('path-to').addEventListener('click', () => {
    state.pathTo = state.selected;
    void findPath();
  });

  $('impact').addEventListener('click', async () => {
    const data = await graphql(
      'query($id: ID!) { goalImpact(id: $id) { goals { id } tasks { id } industries { id } platforms { id } } }',
      { id: state.selected },
    );
    const impact = data.goalImpact;
    const ids = [].concat(impact.goals, impact.tasks, impact.industries, impact.platforms).map((x) => x.id);
    const chosen = highlight(ids);
    chosen.edgesWith(chosen).addClass('highlight').removeClass('faded');
    $('path-status').textContent =
      'Impact: ' +
      impact.tasks.length +
      ' tasks, ' +
      impact.industries.length +
      ' industries, ' +
      impact.platforms.length +
      ' platforms serve this goal';
  });

  $('clear').addEventListener('click', clearHighlights);

  for (const [kind, k] of Object.entries(KINDS)) {
    const li = document.createElement('li');
    li.innerHTML = '<span class="swatch"></span>';
    li.firstChild.style.background = k.color;
    li.firstChild.style.borderRadius = k.shape === 'ellipse' ? '50%' : '2px';
    li.append(k.label);
    li.dataset.kind = kind;
    $('legend-kinds').append(li);
  }

  graphql(`{ graph(limit: 500) { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated } }`)
    .then((data) => {
      add(data.graph);
      layout();
      cy.fit(undefined, 20);
      $('status').textContent =
        data.graph.nodes.length +
        ' nodes, ' +
        data.graph.edges.length +
        ' links' +
        (data.graph.truncated ? ' (first 500 nodes)' : '') +
        '. Click a node for details.';
      announceView();
      document.body.dataset.ready = 'true';
    })
    .catch((error) => {
      $('status').textContent = 'Could not load the graph: ' + error.message;
    });
})();
