// listed_enterprises: enterprises listed on an exchange, with the exchange and the park they are in.
g.V().Tag("enterprise")
  .Save("<pg:name>", "name")
  .SaveOpt("<pg:located_in>", "park")
  .Out("<pg:listed_on>")
  .Save("<pg:name>", "exchange")
  .All();
