// viz_investments: the investment and building network for the Visualize tab: investors and builders → what they fund or build (source → target).
g.V().Tag("source").Out(["<pg:invests_in>", "<pg:builds>"]).Tag("target").All();
