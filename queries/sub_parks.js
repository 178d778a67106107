// sub_parks: the sub-parks of a park, at any depth, with what is located in each.
// param park: the park's IRI, e.g. <pg:park/内江高新区>
var park = params.park || "<pg:park/内江高新区>";
var seen = {}, ring = [park];
seen[park] = true;
while (ring.length > 0) {
  ring = g.V.apply(g, ring).In("<pg:part_of>").Unique().ToArray().filter(function (p) { return !seen[p]; });
  ring.forEach(function (p) {
    seen[p] = true;
    g.Emit({
      park: g.V(p).Out("<pg:name>").ToValue(),
      iri: p,
      part_of: g.V(p).Out("<pg:part_of>").Unique().Out("<pg:name>").Unique().ToArray().sort(),
      located: g.V(p).In("<pg:located_in>").Unique().Out("<pg:name>").Unique().ToArray().sort(),
    });
  });
}
