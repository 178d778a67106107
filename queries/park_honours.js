// park_honours: a park's honoured enterprises, grouped by honour (the park's sub-parks included).
// param park: the park's IRI, e.g. <pg:park/新余高新区>
// Lookups start from one node at a time: Cayley plans a walk from a single
// node through its indexes, but one from a list of nodes as a scan.
var park = params.park || "<pg:park/新余高新区>";
// withSubParks returns the park and every park part of it, at any depth.
function withSubParks(p) {
  var all = [p], seen = {}, ring = [p];
  seen[p] = true;
  while (ring.length > 0) {
    var next = [];
    ring.forEach(function (r) {
      g.V(r).In("<pg:part_of>").Unique().ToArray().forEach(function (x) {
        if (!seen[x]) { seen[x] = true; all.push(x); next.push(x); }
      });
    });
    ring = next;
  }
  return all;
}
function name(n) { return g.V(n).Out("<pg:name>").ToValue(); }
var groups = {}, seen = {};
withSubParks(park).forEach(function (p) {
  g.V(p).In("<pg:located_in>").Unique().Has("<pg:type>", "<pg:Enterprise>")
    .Tag("e").Out("<pg:awarded>").Tag("h").TagArray()
    .forEach(function (r) {
      if (seen[r.e + " " + r.h]) return;
      seen[r.e + " " + r.h] = true;
      (groups[r.h] = groups[r.h] || []).push(name(r.e));
    });
});
Object.keys(groups).map(function (h) { return [name(h), h]; }).sort().forEach(function (hh) {
  var es = groups[hh[1]].sort();
  g.Emit({ honour: hh[0], enterprises: es, count: es.length });
});
