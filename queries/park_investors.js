// park_investors: who invests in a park, in what it holds or alongside it, what they funded and the amounts.
// param park: the park's IRI, e.g. <pg:park/新余高新区>
// An investment counts when the investor or its target is the park, one of
// its sub-parks or something located in them.
var park = params.park || "<pg:park/新余高新区>";
var parks = g.V(park).FollowRecursive(g.M().In("<pg:part_of>")).Union(g.V(park));
var inPark = parks.Union(parks.In("<pg:located_in>"));
var seen = {};
function emit(hit) {
  var key = hit.investor + " " + hit.target;
  if (seen[key]) return;
  seen[key] = true;
  var st = g.V().Has("<pg:type>", "<pg:Statement>")
    .Has("<pg:subject>", hit.investor)
    .Has("<pg:predicate>", "<pg:invests_in>")
    .Has("<pg:object>", hit.target);
  g.Emit({
    investor: g.V(hit.investor).Out("<pg:name>").ToValue(),
    target: g.V(hit.target).Out("<pg:name>").ToValue(),
    amount: st.Out("<pg:amount>").ToValue(),
    amount_yuan: st.Out("<pg:amount_yuan>").ToValue(),
    year: st.Out("<pg:year>").ToValue(),
  });
}
inPark.Tag("investor").Out("<pg:invests_in>").Tag("target").TagArray().forEach(emit);
inPark.Tag("target").In("<pg:invests_in>").Tag("investor").TagArray().forEach(emit);
