// honour_detail: the holders of an honour and the bodies that issued it.
// param honour: the honour's IRI, e.g. <pg:honor/瞪羚企业>
var honour = params.honour || "<pg:honor/瞪羚企业>";
g.Emit({
  honour: g.V(honour).Out("<pg:name>").ToValue(),
  issued_by: g.V(honour).Out("<pg:issued_by>").Out("<pg:name>").ToArray().sort(),
  holders: g.V(honour).In("<pg:awarded>").Out("<pg:name>").ToArray().sort(),
});
