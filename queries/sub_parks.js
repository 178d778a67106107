// sub_parks: the sub-parks of a park, at any depth, with what is located in each.
// param park: the park's IRI, e.g. <pg:park/内江高新区>
var park = params.park || "<pg:park/内江高新区>";
var seen = {}, ring = [park];
seen[park] = true;
function names(p) {
  return p.Unique().ToArray().map(function (n) { return g.V(n).Out("<pg:name>").ToValue(); }).sort();
}
while (ring.length > 0) {
  var next = [];
  ring.forEach(function (r) {
    next = next.concat(g.V(r).In("<pg:part_of>").Unique().ToArray().filter(function (p) { return !seen[p]; }));
  });
  ring = next;
  ring.forEach(function (p) {
    seen[p] = true;
    g.Emit({
      park: g.V(p).Out("<pg:name>").ToValue(),
      iri: p,
      part_of: names(g.V(p).Out("<pg:part_of>")),
      located: names(g.V(p).In("<pg:located_in>")),
    });
  });
}
