// top_pagerank_in_community: the N most central members of one community by PageRank.
// param community: the community id, e.g. 0 (0 is the largest)
// param n: how many, e.g. 5
// Reads the pg:community and pg:pagerank quads the analysis writes.
var c = parseInt(params.community || 0, 10);
var n = parseInt(params.n || 5, 10);
var best = {};
g.V().Has("<pg:community>", c).Unique().Tag("entity").Out("<pg:pagerank>").Tag("pagerank").TagArray()
  .forEach(function (r) { best[r.entity] = r.pagerank; });
var rows = Object.keys(best).map(function (e) { return { entity: e, pagerank: best[e] }; });
rows.sort(function (a, b) { return b.pagerank - a.pagerank || (a.entity < b.entity ? -1 : 1); });
rows.slice(0, n).forEach(function (r, i) {
  r.id = r.entity;
  r.rank = i + 1;
  r.name = g.V(r.entity).Out("<pg:name>").ToValue();
  r.community_name = g.V(r.entity).Out("<pg:community_name>").ToValue();
  g.Emit(r);
});
