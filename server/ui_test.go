package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parkgraph/internal/browser"
	"parkgraph/internal/testenv"
	"parkgraph/server"
)

// TestWebUIInChromium drives the Cayley web UI in a real headless Chromium:
// a saved query opened from /queries runs in the editor and shows its
// results, a visualisation query draws its graph in the Visualize tab, and
// the Query Shape tab shows a plan. Screenshots are kept in out/ui-test (or
// $PARKGRAPH_SCREENSHOTS).
func TestWebUIInChromium(t *testing.T) {
	chromium := testenv.Program(t, "chromium")
	monaco := filepath.Join(testenv.RepoRoot(t), "internal", "clients", "node", "node_modules", "monaco-editor", "min", "vs")
	if _, err := os.Stat(filepath.Join(monaco, "loader.js")); err != nil {
		testenv.Missing(t, "monaco-editor 0.18.1 in internal/clients/node", "npm ci has not installed it")
	}
	shots := os.Getenv("PARKGRAPH_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(testenv.RepoRoot(t), "out", "ui-test")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	ts := newServer(t, server.Options{MonacoDir: monaco})

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	b, err := browser.Start(ctx, chromium, t.TempDir(), 1280, 900)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%v\nchromium said:\n%s", err, b.Log())
		}
	}
	screenshot := func(name string) {
		t.Helper()
		png, err := b.Screenshot(ctx)
		must(err)
		p := filepath.Join(shots, name)
		must(os.WriteFile(p, png, 0o644))
		t.Logf("screenshot: %s (%d bytes)", p, len(png))
	}
	const (
		editor  = `document.querySelectorAll(".monaco-editor .view-lines")`
		clickOn = `(function (text) { var el = Array.from(document.querySelectorAll("body *")).filter(function (e) { return e.textContent.trim() === text; }).pop(); if (!el) throw new Error("nothing reads " + text); el.click(); return true; })`
		run     = `Array.from(document.querySelectorAll("button")).find(function (b) { return /Run$/.test(b.textContent.trim()); }).click()`
	)
	// runUntil clicks Run until cond holds: the button does nothing until
	// the editor has told the page it is ready, which on a busy machine
	// comes a moment after its text shows.
	runUntil := func(cond string) {
		t.Helper()
		for attempt := 1; ; attempt++ {
			must(b.Eval(ctx, run, nil))
			wctx, stop := context.WithTimeout(ctx, 10*time.Second)
			err := b.WaitFor(wctx, cond)
			stop()
			if err == nil {
				return
			}
			if ctx.Err() != nil || attempt == 5 {
				must(err)
			}
		}
	}
	// openSaved opens a saved query from /queries in the UI's editor.
	openSaved := func(name string, params map[string]string) {
		t.Helper()
		must(b.Navigate(ctx, ts.URL+"/queries"))
		for k, v := range params {
			must(b.Eval(ctx, `document.querySelector("#q-`+name+` input[name=`+k+`]").value = "`+v+`"`, nil))
		}
		must(b.Eval(ctx, `document.querySelector("#q-`+name+` .open").click()`, nil))
		must(b.WaitFor(ctx, `location.pathname === "/" && `+editor+`.length > 0 && `+editor+`[0].innerText.includes("`+name+`")`))
	}

	// A saved query runs in the Query tab and shows its results.
	openSaved("honour_detail", map[string]string{"honour": "pg:honor/全省科技领军企业"})
	runUntil(editor + `.length > 1 && ` + editor + `[1].innerText.includes("江西赣锋锂业集团股份有限公司") && ` + editor + `[1].innerText.includes("江西省科技厅")`)
	var results string
	must(b.Eval(ctx, editor+`[1].innerText`, &results))
	if !strings.Contains(results, "result") || strings.Contains(results, "error") {
		t.Errorf("results shown: %s", results)
	}
	screenshot("query.png")

	// A visualisation query draws its graph in the Visualize tab.
	openSaved("viz_honours", nil)
	must(b.Eval(ctx, clickOn+`("Visualize")`, nil))
	must(b.WaitFor(ctx, editor+`.length > 0 && `+editor+`[0].innerText.includes("viz_honours")`))
	runUntil(`document.querySelectorAll("main svg circle").length >= 10`)
	var labels []string
	must(b.Eval(ctx, `Array.from(document.querySelectorAll("main svg text")).map(function (e) { return e.textContent; })`, &labels))
	joined := strings.Join(labels, "\n")
	for _, want := range []string{"pg:institution/江西省科技厅", "pg:honor/瞪羚企业", "pg:enterprise/江西航同电气科技有限公司"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the graph drawn lacks %s; its labels:\n%s", want, joined)
		}
	}
	var links int
	must(b.Eval(ctx, `document.querySelectorAll("main svg line").length`, &links))
	if links < 10 {
		t.Errorf("%d links drawn, want 10 (6 honours held, 4 issued)", links)
	}
	time.Sleep(500 * time.Millisecond) // let the force layout settle for the picture
	screenshot("visualize.png")

	// The Query Shape tab shows the plan of the same query.
	must(b.Eval(ctx, clickOn+`("Query Shape")`, nil))
	must(b.WaitFor(ctx, editor+`.length > 0 && `+editor+`[0].innerText.includes("viz_honours")`))
	runUntil(editor + `.length > 1 && ` + editor + `[1].innerText.includes("\"paths\"") && ` + editor + `[1].innerText.includes("\"shape\"")`)
	screenshot("shape.png")
}
