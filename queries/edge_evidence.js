// edge_evidence: the sentences that state a relation, with their text and document.
// param subject: the subject's IRI, e.g. <pg:enterprise/江西亿铂电子科技有限公司>
// param predicate: the relation's IRI, e.g. <pg:listed_on>
var sentences = g.V().Has("<pg:type>", "<pg:Sentence>");
g.V(params.subject || "<pg:enterprise/江西亿铂电子科技有限公司>")
  .LabelContext(sentences, "sentence")
  .Out(params.predicate || "<pg:listed_on>")
  .Tag("object")
  .TagArray()
  .forEach(function (hit) {
    g.Emit({
      object: hit.object,
      sentence: hit.sentence,
      text: g.V(hit.sentence).Out("<pg:text>").ToValue(),
      document: g.V(hit.sentence).Out("<pg:doc>").ToValue(),
    });
  });
