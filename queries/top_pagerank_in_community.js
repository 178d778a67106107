// top_pagerank_in_community: the N most central members of one community by PageRank.
// param community: the community id, e.g. 0 (0 is the largest)
// param n: how many, e.g. 5
var c = parseInt(params.community || 0, 10);
var n = parseInt(params.n || 5, 10);
var rows = [];
g.V().Has("<pg:community>", c).Tag("entity")
  .Save("<pg:pagerank>", "pagerank").Save("<pg:name>", "name").Save("<pg:community_name>", "community_name")
  .TagArray()
  .forEach(function (r) { rows.push(r); });
rows.sort(function (a, b) { return b.pagerank - a.pagerank || (a.name < b.name ? -1 : 1); });
rows.slice(0, n).forEach(function (r, i) { r.rank = i + 1; g.Emit(r); });
