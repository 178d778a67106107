// viz_park: a park's neighbourhood for the Visualize tab: what is located in it, its sub-parks, and their honours and partners (source → target).
// param park: the park's IRI, e.g. <pg:park/新余高新区>
var park = params.park || "<pg:park/新余高新区>";
var members = g.V(park).In(["<pg:located_in>", "<pg:part_of>"]);
members.Tag("source").Out(["<pg:located_in>", "<pg:part_of>"]).Is(park).Tag("target").All();
members.Tag("source").Out(["<pg:awarded>", "<pg:partners_with>", "<pg:builds>", "<pg:invests_in>", "<pg:listed_on>"]).Tag("target").All();
