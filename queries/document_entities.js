// document_entities: the entities an article names, with their types.
// param doc: the document's IRI, e.g. <pg:doc/000_50c721a1e63a8171>
g.V(params.doc || "<pg:doc/000_50c721a1e63a8171>")
  .In("<pg:mentioned_in>")
  .Tag("entity")
  .Save("<pg:name>", "name")
  .Save("<pg:type>", "type")
  .All();
