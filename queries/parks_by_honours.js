// parks_by_honours: parks ranked by the number of honoured enterprises located in them (sub-parks count for their parent).
var honoured = {};
g.V().Has("<pg:type>", "<pg:Enterprise>").Unique().Tag("e").Out("<pg:awarded>").TagArray()
  .forEach(function (r) { honoured[r.e] = true; });
// count(p) is the number of honoured enterprises in p and its sub-parks.
function count(p) {
  var n = 0, seen = {}, ring = [p];
  seen[p] = true;
  while (ring.length > 0) {
    var next = [];
    ring.forEach(function (r) {
      g.V(r).In("<pg:located_in>").Unique().ToArray().forEach(function (e) {
        if (honoured[e] && !seen[e]) { seen[e] = true; n++; }
      });
      g.V(r).In("<pg:part_of>").Unique().ToArray().forEach(function (x) {
        if (!seen[x]) { seen[x] = true; next.push(x); }
      });
    });
    ring = next;
  }
  return n;
}
var rows = [];
g.V().Has("<pg:type>", "<pg:Park>").Unique().ForEach(function (p) {
  var n = count(p.id);
  if (n > 0) rows.push({ park: g.V(p.id).Out("<pg:name>").ToValue(), iri: p.id, honoured_enterprises: n });
});
rows.sort(function (a, b) { return b.honoured_enterprises - a.honoured_enterprises || (a.park < b.park ? -1 : 1); });
rows.forEach(function (r, i) { r.rank = i + 1; g.Emit(r); });
