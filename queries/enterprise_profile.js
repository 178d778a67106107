// enterprise_profile: an enterprise's parks, honours, investors, partners and projects.
// param enterprise: the enterprise's IRI, e.g. <pg:enterprise/江西赣锋循环科技有限公司>
var e = params.enterprise || "<pg:enterprise/江西赣锋循环科技有限公司>";
function names(p) { return p.Out("<pg:name>").ToArray().sort(); }
g.Emit({
  enterprise: g.V(e).Out("<pg:name>").ToValue(),
  aliases: g.V(e).Out("<pg:alias>").ToArray().sort(),
  parks: names(g.V(e).Out("<pg:located_in>").FollowRecursive(g.M().Out("<pg:part_of>")).Union(g.V(e).Out("<pg:located_in>")).Unique()),
  honours: names(g.V(e).Out("<pg:awarded>")),
  investors: names(g.V(e).In("<pg:invests_in>")),
  invests_in: names(g.V(e).Out("<pg:invests_in>")),
  partners: names(g.V(e).Both("<pg:partners_with>")),
  projects: names(g.V(e).Out("<pg:builds>")),
  listed_on: names(g.V(e).Out("<pg:listed_on>")),
});
