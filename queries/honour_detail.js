// honour_detail: the holders of an honour and the bodies that issued it.
// param honour: the honour's IRI, e.g. <pg:honor/瞪羚企业>
var honour = params.honour || "<pg:honor/瞪羚企业>";
function names(p) {
  return p.Unique().ToArray().map(function (n) { return g.V(n).Out("<pg:name>").ToValue(); }).sort();
}
g.Emit({
  honour: g.V(honour).Out("<pg:name>").ToValue(),
  issued_by: names(g.V(honour).Out("<pg:issued_by>")),
  holders: names(g.V(honour).In("<pg:awarded>")),
});
