// enterprises_of_park: the enterprises located in a park, with their names.
// param park: the park's IRI, e.g. <pg:park/新余高新区>
// A fact is stored once for every sentence that states it, so paths meet
// the same node more than once; Unique keeps one of each. Names are looked
// up one node at a time, which Cayley answers from its index.
g.V(params.park || "<pg:park/新余高新区>")
  .In("<pg:located_in>")
  .Unique()
  .Has("<pg:type>", "<pg:Enterprise>")
  .Unique()
  .ForEach(function (e) {
    g.Emit({ id: e.id, enterprise: e.id, name: g.V(e.id).Out("<pg:name>").ToValue() });
  });
