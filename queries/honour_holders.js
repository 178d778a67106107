// honour_holders: every honour with the organisations that hold it.
g.V()
  .Has("<pg:type>", "<pg:Honor>")
  .Save("<pg:name>", "honour")
  .In("<pg:awarded>")
  .Save("<pg:name>", "holder")
  .All();
