// park_investors: who invests in a park, in what it holds or alongside it, what they funded and the amounts.
// param park: the park's IRI, e.g. <pg:park/新余高新区>
// An investment counts when the investor or its target is the park, one of
// its sub-parks or something located in them. Amounts and years come from
// the statement nodes (pg:Statement) of the relation.
var park = params.park || "<pg:park/新余高新区>";
var parks = [park], seen = {}, ring = [park];
seen[park] = true;
while (ring.length > 0) {
  ring = g.V.apply(g, ring).In("<pg:part_of>").Unique().ToArray().filter(function (p) { return !seen[p]; });
  ring.forEach(function (p) { seen[p] = true; parks.push(p); });
}
var inPark = parks.concat(g.V.apply(g, parks).In("<pg:located_in>").Unique().ToArray());
var done = {};
function emit(hit) {
  var key = hit.investor + " " + hit.target;
  if (done[key]) return;
  done[key] = true;
  var st = g.V(hit.investor).In("<pg:subject>").Has("<pg:predicate>", "<pg:invests_in>").Has("<pg:object>", hit.target);
  g.Emit({
    investor: g.V(hit.investor).Out("<pg:name>").ToValue(),
    target: g.V(hit.target).Out("<pg:name>").ToValue(),
    amount: st.Out("<pg:amount>").ToValue(),
    amount_yuan: st.Out("<pg:amount_yuan>").ToValue(),
    year: st.Out("<pg:year>").ToValue(),
  });
}
g.V.apply(g, inPark).Tag("investor").Out("<pg:invests_in>").Tag("target").TagArray().forEach(emit);
g.V.apply(g, inPark).Tag("target").In("<pg:invests_in>").Tag("investor").TagArray().forEach(emit);
