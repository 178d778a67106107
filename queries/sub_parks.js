// sub_parks: the sub-parks of a park, at any depth, with what is located in each.
// param park: the park's IRI, e.g. <pg:park/内江高新区>
var park = params.park || "<pg:park/内江高新区>";
g.V(park).FollowRecursive(g.M().In("<pg:part_of>")).ForEach(function (p) {
  g.Emit({
    park: g.V(p.id).Out("<pg:name>").ToValue(),
    iri: p.id,
    located: g.V(p.id).In("<pg:located_in>").Out("<pg:name>").ToArray().sort(),
  });
});
