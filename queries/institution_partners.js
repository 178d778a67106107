// institution_partners: the partners of a university or institute, with what each partner is.
// param institution: the institution's IRI, e.g. <pg:institution/赣锋锂电材料及应用实验室>
g.V(params.institution || "<pg:institution/赣锋锂电材料及应用实验室>")
  .Both("<pg:partners_with>")
  .Unique()
  .ForEach(function (p) {
    g.Emit({
      id: p.id,
      partner: p.id,
      name: g.V(p.id).Out("<pg:name>").ToValue(),
      type: g.V(p.id).Out("<pg:type>").ToValue(),
    });
  });
