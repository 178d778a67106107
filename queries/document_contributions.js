// document_contributions: everything one article contributed: its sentences used as evidence and the relations each states.
// param doc: the document's IRI, e.g. <pg:doc/000_50c721a1e63a8171>
// Relations are read from the quads labelled with the article's sentences.
var doc = params.doc || "<pg:doc/000_50c721a1e63a8171>";
var preds = ["<pg:located_in>", "<pg:part_of>", "<pg:awarded>", "<pg:issued_by>",
  "<pg:invests_in>", "<pg:partners_with>", "<pg:builds>", "<pg:listed_on>"];
g.V(doc).In("<pg:doc>").Has("<pg:type>", "<pg:Sentence>").ForEach(function (s) {
  var rels = [];
  preds.forEach(function (p) {
    g.V().LabelContext(s.id).Tag("subject").Out(p).Tag("object").TagArray().forEach(function (r) {
      rels.push({ subject: r.subject, predicate: p, object: r.object });
    });
  });
  g.Emit({
    sentence: s.id,
    index: g.V(s.id).Out("<pg:index>").ToValue(),
    text: g.V(s.id).Out("<pg:text>").ToValue(),
    relations: rels,
  });
});
