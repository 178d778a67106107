#!/usr/bin/env node
// read.cjs KIND FILE — reads an exported file with a third-party JavaScript
// library and prints what it saw as one JSON object:
//   {"client": "graphology-gexf 0.13.2", "nodes": N, "edges": M,
//    "labels": [...node labels...], "nodeKeys": [...], "edgeKeys": [...]}
// KIND is graphml or gexf (graphology's parsers, as Gephi Lite uses them),
// json (node-link JSON loaded into graphology as Sigma.js would), cyjs
// (Cytoscape.js, headless) or nquads (N3.js). XML is parsed with xmldom, the
// DOMParser graphology uses under Node, and any parser warning counts as an
// error, since a browser refuses such a document. Exits 1 with the error on
// standard error when the file does not load.
'use strict';
const fs = require('fs');

function version(pkg) {
  // read package.json from disk: some packages do not export it
  const path = require('path');
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function parseXML(text) {
  const {DOMParser} = require('@xmldom/xmldom');
  const problems = [];
  const report = kind => msg => problems.push(kind + ': ' + msg);
  const doc = new DOMParser({
    errorHandler: {warning: report('warning'), error: report('error'), fatalError: report('fatal')},
  }).parseFromString(text, 'application/xml');
  if (problems.length) throw new Error('XML parser: ' + problems.join('; '));
  return doc;
}

function keysOf(items) {
  const keys = new Set();
  items.forEach(attrs => Object.keys(attrs).forEach(k => keys.add(k)));
  return [...keys].sort();
}

function describeGraphology(client, graph) {
  const nodeAttrs = [];
  const labels = [];
  graph.forEachNode((key, attrs) => {
    nodeAttrs.push(attrs);
    labels.push(attrs.label === undefined ? null : String(attrs.label));
  });
  const edgeAttrs = [];
  graph.forEachEdge((key, attrs) => edgeAttrs.push(attrs));
  return {client, nodes: graph.order, edges: graph.size, labels,
    nodeKeys: keysOf(nodeAttrs), edgeKeys: keysOf(edgeAttrs), type: graph.type, multi: graph.multi};
}

function read(kind, file) {
  const text = fs.readFileSync(file, 'utf8');
  const Graph = require('graphology');
  switch (kind) {
    case 'graphml':
    case 'gexf': {
      const lib = require('graphology-' + kind);
      const graph = lib.parse(Graph, parseXML(text));
      return describeGraphology(`graphology ${version('graphology')} + graphology-${kind} ${version('graphology-' + kind)}`, graph);
    }
    case 'json': {
      const data = JSON.parse(text);
      const graph = new Graph({type: data.directed ? 'directed' : 'undirected', multi: !!data.multigraph});
      data.nodes.forEach(n => graph.addNode(n.id, n));
      data.links.forEach(l => graph.addDirectedEdgeWithKey(l.id, l.source, l.target, l));
      const out = describeGraphology(`graphology ${version('graphology')} (node-link)`, graph);
      out.positioned = graph.everyNode((k, a) => Number.isFinite(a.x) && Number.isFinite(a.y));
      return out;
    }
    case 'cyjs': {
      const cytoscape = require('cytoscape');
      const data = JSON.parse(text);
      const cy = cytoscape({headless: true, elements: data.elements});
      return {client: `cytoscape.js ${version('cytoscape')}`, nodes: cy.nodes().length, edges: cy.edges().length,
        labels: cy.nodes().map(n => n.data('name')),
        nodeKeys: keysOf(cy.nodes().map(n => n.data())), edgeKeys: keysOf(cy.edges().map(e => e.data())),
        positioned: cy.nodes().every(n => Number.isFinite(n.position('x')) && Number.isFinite(n.position('y')))};
    }
    case 'nquads': {
      const N3 = require('n3');
      const quads = new N3.Parser({format: 'N-Quads'}).parse(text);
      const resources = new Set();
      const predicates = new Set();
      for (const q of quads) {
        resources.add(q.subject.value);
        if (q.object.termType !== 'Literal') resources.add(q.object.value);
        predicates.add(q.predicate.value);
      }
      return {client: `n3 ${version('n3')}`, nodes: resources.size, edges: quads.length, labels: [],
        nodeKeys: [...predicates].sort(), edgeKeys: []};
    }
  }
  throw new Error('unknown kind ' + kind);
}

const [kind, file] = process.argv.slice(2);
try {
  process.stdout.write(JSON.stringify(read(kind, file)) + '\n');
} catch (e) {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
}
