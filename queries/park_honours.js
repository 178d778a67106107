// park_honours: a park's honoured enterprises, grouped by honour (the park's sub-parks included).
// param park: the park's IRI, e.g. <pg:park/新余高新区>
var park = params.park || "<pg:park/新余高新区>";
// withSubParks returns the park and every park part of it, at any depth.
function withSubParks(p) {
  var all = [p], seen = {}, ring = [p];
  seen[p] = true;
  while (ring.length > 0) {
    var next = [];
    g.V.apply(g, ring).In("<pg:part_of>").Unique().ToArray().forEach(function (x) {
      if (!seen[x]) { seen[x] = true; all.push(x); next.push(x); }
    });
    ring = next;
  }
  return all;
}
function name(n) { return g.V(n).Out("<pg:name>").ToValue(); }
var groups = {};
g.V.apply(g, withSubParks(park)).In("<pg:located_in>").Unique()
  .Has("<pg:type>", "<pg:Enterprise>").Unique().ToArray()
  .forEach(function (e) {
    g.V(e).Out("<pg:awarded>").Unique().ToArray().forEach(function (h) {
      (groups[h] = groups[h] || []).push(name(e));
    });
  });
Object.keys(groups).map(function (h) { return [name(h), h]; }).sort().forEach(function (hh) {
  var es = groups[hh[1]].sort();
  g.Emit({ honour: hh[0], enterprises: es, count: es.length });
});
