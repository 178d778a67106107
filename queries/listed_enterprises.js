// listed_enterprises: enterprises listed on an exchange, with the exchange and the park they are in.
var seen = {};
g.V().Tag("enterprise").Out("<pg:listed_on>").Tag("exchange").TagArray().forEach(function (r) {
  if (seen[r.enterprise + " " + r.exchange]) return;
  seen[r.enterprise + " " + r.exchange] = true;
  g.Emit({
    id: r.enterprise,
    enterprise: r.enterprise,
    name: g.V(r.enterprise).Out("<pg:name>").ToValue(),
    exchange: g.V(r.exchange).Out("<pg:name>").ToValue(),
    park: g.V(r.enterprise).Out("<pg:located_in>").ToValue(),
  });
});
