// park_investors: who invests in a park, in what it holds or alongside it, what they funded and the amounts.
// param park: the park's IRI, e.g. <pg:park/新余高新区>
// An investment counts when the investor or its target is the park, one of
// its sub-parks or something located in them. Amounts and years come from
// the statement nodes (pg:Statement) of the relation.
var park = params.park || "<pg:park/新余高新区>";
var parks = [park], seen = {}, ring = [park];
seen[park] = true;
while (ring.length > 0) {
  var next = [];
  ring.forEach(function (r) {
    g.V(r).In("<pg:part_of>").Unique().ToArray().forEach(function (p) {
      if (!seen[p]) { seen[p] = true; parks.push(p); next.push(p); }
    });
  });
  ring = next;
}
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
// Lookups start from one park at a time: Cayley plans a walk from a single
// node through its indexes, but one from a list of nodes as a scan.
parks.forEach(function (p) {
  g.V(p).Tag("investor").Out("<pg:invests_in>").Tag("target").TagArray().forEach(emit);
  g.V(p).Tag("target").In("<pg:invests_in>").Tag("investor").TagArray().forEach(emit);
  var members = g.V(p).In("<pg:located_in>").Unique();
  members.Tag("investor").Out("<pg:invests_in>").Tag("target").TagArray().forEach(emit);
  members.Tag("target").In("<pg:invests_in>").Tag("investor").TagArray().forEach(emit);
});
