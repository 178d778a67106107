// park_projects: the projects located in a park with their builders and investors.
// param park: the park's IRI, e.g. <pg:park/随州高新区>
var park = params.park || "<pg:park/随州高新区>";
g.V(park).In("<pg:located_in>").Has("<pg:type>", "<pg:Project>").ForEach(function (p) {
  g.Emit({
    project: g.V(p.id).Out("<pg:name>").ToValue(),
    builders: g.V(p.id).In("<pg:builds>").Out("<pg:name>").ToArray().sort(),
    investors: g.V(p.id).In("<pg:invests_in>").Out("<pg:name>").ToArray().sort(),
  });
});
