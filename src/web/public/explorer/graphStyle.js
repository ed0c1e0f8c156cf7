// The Cytoscape stylesheet: kinds by shape and colour, inferred links dashed, disputed links dotted,
// wrapped labels under their nodes, and the selection and highlights in a colour and a thicker border.
import { kindOf } from './kinds.js';

/** The stylesheet of the graph. */
export function graphStyle() {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#111827',
        'text-wrap': 'wrap',
        'text-max-width': 200,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'background-color': (n) => kindOf(n.data('kind')).color,
        shape: (n) => kindOf(n.data('kind')).shape,
        'border-width': 1,
        'border-color': '#ffffff',
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
        'font-size': 9,
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
