// enterprise_profile: an enterprise's parks, honours, investors, partners and projects.
// param enterprise: the enterprise's IRI, e.g. <pg:enterprise/江西赣锋循环科技有限公司>
// Parks include those its park is part of.
var e = params.enterprise || "<pg:enterprise/江西赣锋循环科技有限公司>";
function names(p) {
  return p.Unique().ToArray().map(function (n) { return g.V(n).Out("<pg:name>").ToValue(); }).sort();
}
var parks = [], seen = {}, ring = g.V(e).Out("<pg:located_in>").Unique().ToArray();
while (ring.length > 0) {
  var next = [];
  ring.forEach(function (p) {
    if (seen[p]) return;
    seen[p] = true;
    parks.push(g.V(p).Out("<pg:name>").ToValue());
    next = next.concat(g.V(p).Out("<pg:part_of>").Unique().ToArray());
  });
  ring = next;
}
g.Emit({
  enterprise: g.V(e).Out("<pg:name>").ToValue(),
  aliases: g.V(e).Out("<pg:alias>").Unique().ToArray().sort(),
  parks: parks.sort(),
  honours: names(g.V(e).Out("<pg:awarded>")),
  investors: names(g.V(e).In("<pg:invests_in>")),
  invests_in: names(g.V(e).Out("<pg:invests_in>")),
  partners: names(g.V(e).Both("<pg:partners_with>")),
  projects: names(g.V(e).Out("<pg:builds>")),
  listed_on: names(g.V(e).Out("<pg:listed_on>")),
});
