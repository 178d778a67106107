// community_members: the members of a community, with their type and PageRank.
// param community: the community id, e.g. 0 (0 is the largest)
g.V().Has("<pg:community>", parseInt(params.community || 0, 10))
  .Tag("entity")
  .Save("<pg:name>", "name")
  .Save("<pg:type>", "type")
  .Save("<pg:pagerank>", "pagerank")
  .Save("<pg:community_name>", "community_name")
  .All();
