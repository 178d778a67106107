// connections: how two entities connect: every path of up to three relations between them, in either direction.
// param from: the first entity's IRI, e.g. <pg:enterprise/江西航同电气科技有限公司>
// param to: the second entity's IRI, e.g. <pg:institution/江西省科技厅>
// Each path lists its steps (from, predicate, direction, to), shortest first.
var from = params.from || "<pg:enterprise/江西航同电气科技有限公司>";
var to = params.to || "<pg:institution/江西省科技厅>";
var preds = ["<pg:located_in>", "<pg:part_of>", "<pg:awarded>", "<pg:issued_by>",
  "<pg:invests_in>", "<pg:partners_with>", "<pg:builds>", "<pg:listed_on>"];
// dist[n] is the number of relations between n and `to` (up to 2), so the
// search below only enters nodes from which `to` is still in reach.
var dist = {};
dist[to] = 0;
var ring = [to];
for (var d = 1; d <= 2 && ring.length > 0; d++) {
  var next = [];
  ring.forEach(function (r) {
    g.V(r).Both(preds).Unique().ToArray().forEach(function (n) {
      if (dist[n] === undefined) { dist[n] = d; next.push(n); }
    });
  });
  ring = next;
}
function steps(node) {
  var out = [];
  preds.forEach(function (p) {
    g.V(node).Out(p).Unique().ToArray().forEach(function (n) { out.push([p, "out", n]); });
    g.V(node).In(p).Unique().ToArray().forEach(function (n) { out.push([p, "in", n]); });
  });
  return out;
}
var paths = [];
function walk(node, path, visited) {
  if (node === to) { paths.push(path.slice()); return; }
  steps(node).forEach(function (s) {
    var left = 3 - path.length - 1;
    if (visited[s[2]] || dist[s[2]] === undefined || dist[s[2]] > left) return;
    visited[s[2]] = true;
    path.push({ from: node, predicate: s[0], direction: s[1], to: s[2] });
    walk(s[2], path, visited);
    path.pop();
    delete visited[s[2]];
  });
}
var visited = {};
visited[from] = true;
if (from !== to) walk(from, [], visited);
paths.sort(function (a, b) { return a.length - b.length; });
paths.forEach(function (p) { g.Emit({ length: p.length, path: p }); });
