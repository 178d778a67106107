// parks_by_honours: parks ranked by the number of honoured enterprises located in them (sub-parks count for their parent).
var rows = [];
g.V().Has("<pg:type>", "<pg:Park>").ForEach(function (p) {
  var parks = g.V(p.id).FollowRecursive(g.M().In("<pg:part_of>")).Union(g.V(p.id));
  var honoured = parks.In("<pg:located_in>").Has("<pg:type>", "<pg:Enterprise>")
    .Tag("e").Out("<pg:awarded>").Back("e").Unique().Count();
  if (honoured > 0) {
    rows.push({ park: g.V(p.id).Out("<pg:name>").ToValue(), honoured_enterprises: honoured });
  }
});
rows.sort(function (a, b) { return b.honoured_enterprises - a.honoured_enterprises || (a.park < b.park ? -1 : 1); });
rows.forEach(function (r, i) { r.rank = i + 1; g.Emit(r); });
