// honour_holders: every honour with the organisations that hold it.
var names = {};
function name(n) { return names[n] === undefined ? (names[n] = g.V(n).Out("<pg:name>").ToValue()) : names[n]; }
var seen = {};
g.V().Has("<pg:type>", "<pg:Honor>").Unique().Tag("h").In("<pg:awarded>").Tag("e").TagArray()
  .forEach(function (r) {
    if (seen[r.h + " " + r.e]) return;
    seen[r.h + " " + r.e] = true;
    g.Emit({ id: r.e, honour: name(r.h), holder: name(r.e) });
  });
