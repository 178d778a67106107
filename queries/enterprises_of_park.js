// enterprises_of_park: the enterprises located in a park, with their names.
// param park: the park's IRI, e.g. <pg:park/新余高新区>
// A fact is stored once for every sentence that states it, so paths meet
// the same node more than once; Unique keeps one of each.
g.V(params.park || "<pg:park/新余高新区>")
  .In("<pg:located_in>")
  .Unique()
  .Has("<pg:type>", "<pg:Enterprise>")
  .Unique()
  .Tag("enterprise")
  .Out("<pg:name>")
  .Unique()
  .Tag("name")
  .All();
