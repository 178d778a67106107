package server

import (
	"html/template"
	"net/http"
	"regexp"
	"strings"
)

// The page of saved queries. "Open in editor" stores the query (with the
// parameters filled in on the page) where the Cayley UI's editor reads its
// last query (localStorage LAST_QUERY) and opens the UI, ready to run.
var queriesPage = template.Must(template.New("queries").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>Saved Gizmo queries · parkgraph</title>
<style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1f2933}
h1{font-size:1.4em}.query{border:1px solid #d9dee3;border-radius:6px;padding:.8em 1em;margin:1em 0}
.query h2{font-size:1.05em;margin:0 0 .3em;font-family:monospace}
label{display:block;margin:.3em 0}label code{display:inline-block;min-width:8em}
input{width:28em;max-width:100%;font:inherit}
button{font:inherit;margin:.5em .5em 0 0;padding:.2em .9em;cursor:pointer}
pre{background:#f5f7f9;padding:.6em;overflow:auto;max-height:20em;font-size:13px}
details summary{cursor:pointer;color:#52606d}
</style></head><body>
<h1>Saved Gizmo queries</h1>
<p>{{len .}} queries. <b>Open in editor</b> puts the query, with the parameters filled in below, into the
<a href="/">Cayley UI</a>'s editor, ready to run (Query tab, or Visualize for the <code>viz_</code> queries).
<b>Run here</b> shows its results on this page (<code>POST /api/queries/NAME</code>).</p>
{{range .}}
<div class="query" id="q-{{.Name}}" data-name="{{.Name}}">
<h2>{{.Name}}</h2>
<div>{{.Description}}</div>
{{range .Params}}<label><code>{{.Name}}</code> <input name="{{.Name}}" placeholder="{{.Example}}" title="{{.Doc}}"> <small>{{.Doc}}</small></label>{{end}}
<button class="open" type="button">Open in editor</button><button class="run" type="button">Run here</button>
<details><summary>source</summary><pre class="source">{{.Source}}</pre></details>
<pre class="result" hidden></pre>
</div>
{{end}}
<script>
function params(div) {
  var p = {};
  div.querySelectorAll("input").forEach(function (i) { if (i.value.trim() !== "") p[i.name] = i.value.trim(); });
  return p;
}
document.querySelectorAll(".query").forEach(function (div) {
  var src = div.querySelector(".source").textContent;
  div.querySelector(".open").addEventListener("click", function () {
    var p = params(div);
    Object.keys(p).forEach(function (k) { if (/^pg:/.test(p[k])) p[k] = "<" + p[k] + ">"; });
    var text = "var params = " + JSON.stringify(p) + ";\n" + src;
    localStorage.setItem("LAST_QUERY", JSON.stringify({ text: text, language: "gizmo" }));
    window.location.href = "/";
  });
  div.querySelector(".run").addEventListener("click", function () {
    var out = div.querySelector(".result");
    out.hidden = false;
    out.textContent = "running…";
    fetch("/api/queries/" + div.dataset.name, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(params(div)) })
      .then(function (r) { return r.json(); })
      .then(function (j) { out.textContent = JSON.stringify(j.error ? j : j.result, null, 2); })
      .catch(function (e) { out.textContent = String(e); });
  });
});
</script>
</body></html>
`))

type pageQuery struct {
	savedQuery
	Params []pageParam
}

type pageParam struct {
	Name, Doc, Example string
}

var exampleRE = regexp.MustCompile(`e\.g\.\s*(\S+)`)

func (s *Server) serveQueriesPage(w http.ResponseWriter, r *http.Request) {
	list, err := listQueries()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	page := make([]pageQuery, len(list))
	for i, q := range list {
		page[i].savedQuery = q
		for _, p := range q.Params {
			ex := ""
			if m := exampleRE.FindStringSubmatch(p.Doc); m != nil {
				ex = strings.TrimSuffix(m[1], ",")
			}
			page[i].Params = append(page[i].Params, pageParam{p.Name, p.Doc, ex})
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := queriesPage.Execute(w, page); err != nil {
		s.opt.Log.Printf("queries page: %v", err)
	}
}
