// enterprises_of_park: the enterprises located in a park, with their names.
// param park: the park's IRI, e.g. <pg:park/新余高新区>
g.V(params.park || "<pg:park/新余高新区>")
  .In("<pg:located_in>")
  .Has("<pg:type>", "<pg:Enterprise>")
  .Tag("enterprise")
  .Out("<pg:name>")
  .Tag("name")
  .All();
