// viz_park: a park's neighbourhood for the Visualize tab: what is located in it, its sub-parks, and their honours and partners (source → target).
// param park: the park's IRI, e.g. <pg:park/新余高新区>
// param limit: most links to draw, e.g. 500 (default 2000)
var park = params.park || "<pg:park/新余高新区>";
var limit = parseInt(params.limit || 2000, 10);
// One row per member: the park is the same target for all.
g.V(park).Tag("target").In(["<pg:located_in>", "<pg:part_of>"]).Unique().Tag("source").Limit(limit).All();
g.V(park).In(["<pg:located_in>", "<pg:part_of>"]).Unique().Tag("source")
  .Out(["<pg:awarded>", "<pg:partners_with>", "<pg:builds>", "<pg:invests_in>", "<pg:listed_on>"])
  .Tag("target").Limit(limit).All();
