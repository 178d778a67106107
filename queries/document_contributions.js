// document_contributions: everything one article contributed: its sentences used as evidence and the relations each states.
// param doc: the document's IRI, e.g. <pg:doc/000_50c721a1e63a8171>
// Relations are the quads labelled with the article's sentences, found from
// the entities the article names.
var doc = params.doc || "<pg:doc/000_50c721a1e63a8171>";
var preds = ["<pg:located_in>", "<pg:part_of>", "<pg:awarded>", "<pg:issued_by>",
  "<pg:invests_in>", "<pg:partners_with>", "<pg:builds>", "<pg:listed_on>"];
var bySentence = {};
g.V(doc).In("<pg:mentioned_in>").Unique().ToArray().forEach(function (e) {
  g.V(e)
    .LabelContext(g.V(doc).In("<pg:doc>"), "sentence")
    .Tag("subject")
    .Out(preds, "predicate")
    .Tag("object")
    .TagArray()
    .forEach(function (r) {
      (bySentence[r.sentence] = bySentence[r.sentence] || []).push({ subject: r.subject, predicate: r.predicate, object: r.object });
    });
});
g.V(doc).In("<pg:doc>").Has("<pg:type>", "<pg:Sentence>").Unique().ForEach(function (s) {
  g.Emit({
    sentence: s.id,
    index: g.V(s.id).Out("<pg:index>").ToValue(),
    text: g.V(s.id).Out("<pg:text>").ToValue(),
    relations: bySentence[s.id] || [],
  });
});
