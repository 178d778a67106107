// document_entities: the entities an article names, with their types.
// param doc: the document's IRI, e.g. <pg:doc/000_50c721a1e63a8171>
g.V(params.doc || "<pg:doc/000_50c721a1e63a8171>")
  .In("<pg:mentioned_in>")
  .Unique()
  .ForEach(function (e) {
    g.Emit({
      id: e.id,
      entity: e.id,
      name: g.V(e.id).Out("<pg:name>").ToValue(),
      type: g.V(e.id).Out("<pg:type>").ToValue(),
    });
  });
