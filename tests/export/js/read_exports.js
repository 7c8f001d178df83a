// SPDX-License-Identifier: MIT
// Reads claimgraph's GEXF and GraphML exports back with graphology's parsers (the ones Gephi
// Lite uses) and compares them with what the store holds.
//
// usage: node read_exports.js DIR MODULES
//
// DIR holds expected.json (written by the C++ test from the graph view) and the exports
// graph.gexf and graph.graphml; MODULES is a node_modules folder installed from this folder's
// package-lock.json. Exits 0 when every check passes, 1 on a failure (listing all of them).
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, modules] = process.argv.slice(2);
const load = (name) => require(path.join(modules, name));
const Graph = load('graphology');
const gexf = load('graphology-gexf');
const graphml = load('graphology-graphml');

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
  return ok;
};

// The text an XML 1.0 reader gets back: characters XML cannot hold become U+FFFD.
const xmlText = (text) =>
  Array.from(text)
    .map((ch) => {
      const cp = ch.codePointAt(0);
      const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
          (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
      return allowed ? ch : '\ufffd';
    })
    .join('');

const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
const readers = {
  gexf: (text) => gexf.parse(Graph, text),
  graphml: (text) => graphml.parse(Graph, text),
};

for (const [format, parse] of Object.entries(readers)) {
  let g;
  try {
    g = parse(fs.readFileSync(path.join(dir, 'graph.' + format), 'utf8'));
  } catch (e) {
    check(false, `${format}: graphology cannot parse it: ${e.message}`);
    continue;
  }
  check(g.type === 'directed', `${format}: graph is ${g.type}, not directed`);
  check(g.order === expected.nodes.length, `${format}: ${g.order} nodes, expected ${expected.nodes.length}`);
  check(g.size === expected.edges.length, `${format}: ${g.size} edges, expected ${expected.edges.length}`);
  for (const n of expected.nodes) {
    if (!check(g.hasNode(n.xml_id), `${format}: node ${n.xml_id} missing`)) continue;
    const a = g.getNodeAttributes(n.xml_id);
    check(a.label === xmlText(n.name), `${format}: node ${n.xml_id} label ${JSON.stringify(a.label)}`);
    check(a.type === n.type, `${format}: node ${n.xml_id} type ${a.type}`);
  }
  for (const e of expected.edges) {
    if (!check(g.hasEdge(e.xml_id), `${format}: edge ${e.xml_id} missing`)) continue;
    check(g.source(e.xml_id) === e.source_xml && g.target(e.xml_id) === e.target_xml,
          `${format}: edge ${e.xml_id} has the wrong ends`);
    const a = g.getEdgeAttributes(e.xml_id);
    check(a.type === e.type, `${format}: edge ${e.xml_id} type ${a.type}`);
    check(Math.abs(a.weight - e.confidence) < 1e-6, `${format}: edge ${e.xml_id} weight ${a.weight}`);
    check(JSON.stringify(JSON.parse(a.claim_ids)) === JSON.stringify(e.claim_ids),
          `${format}: edge ${e.xml_id} claim_ids ${a.claim_ids}`);
    const quotes = JSON.stringify(e.quotes.map(xmlText));
    check(JSON.stringify(JSON.parse(a.quotes)) === quotes,
          `${format}: edge ${e.xml_id} quotes ${a.quotes}, expected ${quotes}`);
  }
}

if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
console.log('graphology read the GEXF and GraphML exports');
