// The Cytoscape stylesheet: kinds by shape and colour, inferred links dashed, disputed links dotted,
// wrapped labels under the nodes that labelDetail.js lets draw one, at the size it sets, and the selection
// and highlights in a colour and a thicker border. Plans are drawn larger: they are what a view starts from.
import { kindOf } from './kinds.js';
import { LABEL_PX } from './labelDetail.js';

/** The stylesheet of the graph. */
export function graphStyle() {
  return [
    {
      selector: 'node',
      style: {
        'font-family': 'system-ui, sans-serif',
        color: '#111827',
        // Labels come wrapped (labels.js); Cytoscape is not to wrap them again at a larger font.
        'text-wrap': 'wrap',
        'text-max-width': 100000,
        'text-valign': 'bottom',
        'text-margin-y': (n) => (n.data('labelValign') === 'top' ? -3 : 3),
        'background-color': (n) => kindOf(n.data('kind')).color,
        shape: (n) => kindOf(n.data('kind')).shape,
        'border-width': 1,
        'border-color': '#ffffff',
        width: 22,
        height: 22,
      },
    },
    { selector: 'node[kind = "PLAN"]', style: { width: 34, height: 34 } },
    {
      selector: 'node.labelled',
      style: {
        label: 'data(label)',
        'font-size': 'data(labelFont)',
        'text-halign': 'data(labelAlign)',
        'text-valign': 'data(labelValign)',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': 1,
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
        'arrow-scale': 0.8,
      },
    },
    { selector: 'edge[basis = "INFERRED"]', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge[reviewStatus = "DISPUTED"]',
      style: { 'line-style': 'dotted', 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c' },
    },
    { selector: '.filtered', style: { display: 'none' } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#b45309', 'font-weight': 'bold' },
    },
    {
      selector: 'edge:selected',
      style: {
        width: 3.5,
        'line-color': '#b45309',
        'target-arrow-color': '#b45309',
        label: 'data(type)',
        'font-size': (e) => e.data('labelFont') ?? LABEL_PX,
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
      },
    },
    {
      selector: '.highlight',
      style: {
        'border-width': 4,
        'border-color': '#b45309',
        'line-color': '#b45309',
        'target-arrow-color': '#b45309',
        width: 3,
        'z-index': 10,
      },
    },
    { selector: '.faded', style: { opacity: 0.2 } },
  ];
}
