// park_honours: a park's honoured enterprises, grouped by honour (the park's sub-parks included).
// param park: the park's IRI, e.g. <pg:park/新余高新区>
var park = params.park || "<pg:park/新余高新区>";
var parks = g.V(park).FollowRecursive(g.M().In("<pg:part_of>")).Union(g.V(park));
var groups = {};
parks
  .In("<pg:located_in>")
  .Has("<pg:type>", "<pg:Enterprise>")
  .Save("<pg:name>", "enterprise")
  .Out("<pg:awarded>")
  .Save("<pg:name>", "honour")
  .TagArray()
  .forEach(function (hit) {
    (groups[hit.honour] = groups[hit.honour] || []).push(hit.enterprise);
  });
Object.keys(groups).sort().forEach(function (h) {
  g.Emit({ honour: h, enterprises: groups[h].sort(), count: groups[h].length });
});
