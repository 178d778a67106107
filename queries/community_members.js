// community_members: the members of a community, with their type and PageRank.
// param community: the community id, e.g. 0 (0 is the largest)
// Reads the pg:community and pg:pagerank quads the analysis writes.
var members = g.V().Has("<pg:community>", parseInt(params.community || 0, 10)).Unique();
var rank = {};
members.Tag("e").Out("<pg:pagerank>").Tag("pr").TagArray().forEach(function (r) { rank[r.e] = r.pr; });
var communityName;
members.ForEach(function (m) {
  if (communityName === undefined) communityName = g.V(m.id).Out("<pg:community_name>").ToValue();
  g.Emit({
    id: m.id,
    entity: m.id,
    name: g.V(m.id).Out("<pg:name>").ToValue(),
    type: g.V(m.id).Out("<pg:type>").ToValue(),
    pagerank: rank[m.id],
    community_name: communityName,
  });
});
