// park_projects: the projects located in a park with their builders and investors.
// param park: the park's IRI, e.g. <pg:park/随州高新区>
var park = params.park || "<pg:park/随州高新区>";
function names(p) {
  return p.Unique().ToArray().map(function (n) { return g.V(n).Out("<pg:name>").ToValue(); }).sort();
}
g.V(park).In("<pg:located_in>").Unique().Has("<pg:type>", "<pg:Project>").Unique().ForEach(function (p) {
  g.Emit({
    project: g.V(p.id).Out("<pg:name>").ToValue(),
    iri: p.id,
    builders: names(g.V(p.id).In("<pg:builds>")),
    investors: names(g.V(p.id).In("<pg:invests_in>")),
  });
});
