// viz_honours: the honour network for the Visualize tab: holders → honours → issuing bodies (source → target).
g.V().Has("<pg:type>", "<pg:Honor>").In("<pg:awarded>").Tag("source").Out("<pg:awarded>").Tag("target").All();
g.V().Has("<pg:type>", "<pg:Honor>").Tag("source").Out("<pg:issued_by>").Tag("target").All();
