// top_pagerank: the N most central entities by PageRank, optionally of one type.
// param n: how many, e.g. 10
// param type: an entity class to keep, e.g. <pg:Enterprise> (default: every type)
// Reads the pg:pagerank quads the analysis writes.
var n = parseInt(params.n || 10, 10);
var nodes = params.type ? g.V().Has("<pg:type>", params.type).Unique() : g.V();
var best = {};
nodes.Tag("entity").Out("<pg:pagerank>").Tag("pagerank").TagArray().forEach(function (r) {
  best[r.entity] = r.pagerank;
});
var rows = Object.keys(best).map(function (e) { return { entity: e, pagerank: best[e] }; });
rows.sort(function (a, b) { return b.pagerank - a.pagerank || (a.entity < b.entity ? -1 : 1); });
rows.slice(0, n).forEach(function (r, i) {
  r.id = r.entity;
  r.rank = i + 1;
  r.name = g.V(r.entity).Out("<pg:name>").ToValue();
  r.type = g.V(r.entity).Out("<pg:type>").ToValue();
  g.Emit(r);
});
