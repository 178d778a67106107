// top_pagerank: the N most central entities by PageRank, optionally of one type.
// param n: how many, e.g. 10
// param type: an entity class to keep, e.g. <pg:Enterprise> (default: every type)
var n = parseInt(params.n || 10, 10);
var nodes = params.type ? g.V().Has("<pg:type>", params.type) : g.V();
var rows = [];
nodes.Tag("entity").Save("<pg:pagerank>", "pagerank").Save("<pg:name>", "name").Save("<pg:type>", "type")
  .TagArray()
  .forEach(function (r) { rows.push(r); });
rows.sort(function (a, b) { return b.pagerank - a.pagerank || (a.name < b.name ? -1 : 1); });
rows.slice(0, n).forEach(function (r, i) { r.rank = i + 1; g.Emit(r); });
