// edge_evidence: the sentences that state a relation, with their text and document.
// param subject: the subject's IRI, e.g. <pg:enterprise/江西亿铂电子科技有限公司>
// param predicate: the relation's IRI, e.g. <pg:listed_on>
// param object: the object's IRI, to keep one relation of several (default: every object)
// Every quad read from text carries its sentence as label; LabelContext
// saves that label under the tag "sentence".
var path = g.V(params.subject || "<pg:enterprise/江西亿铂电子科技有限公司>")
  .LabelContext(g.V(), "sentence")
  .Out(params.predicate || "<pg:listed_on>");
if (params.object) path = path.Is(params.object);
path
  .Tag("object")
  .TagArray()
  .forEach(function (hit) {
    g.Emit({
      object: hit.object,
      sentence: hit.sentence,
      text: g.V(hit.sentence).Out("<pg:text>").ToValue(),
      document: g.V(hit.sentence).Out("<pg:doc>").ToValue(),
      title: g.V(hit.sentence).Out("<pg:doc>").Out("<pg:title>").ToValue(),
    });
  });
