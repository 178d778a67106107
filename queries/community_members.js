// community_members: the members of a community, with their type and PageRank.
// param community: the community id, e.g. 0 (0 is the largest)
g.V().Has("<pg:community>", parseInt(params.community || 0, 10))
  .Unique()
  .ForEach(function (m) {
    g.Emit({
      id: m.id,
      entity: m.id,
      name: g.V(m.id).Out("<pg:name>").ToValue(),
      type: g.V(m.id).Out("<pg:type>").ToValue(),
      pagerank: g.V(m.id).Out("<pg:pagerank>").ToValue(),
      community_name: g.V(m.id).Out("<pg:community_name>").ToValue(),
    });
  });
