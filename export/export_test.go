package export_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"parkgraph/export"
	_ "parkgraph/export/all"
	"parkgraph/export/exporttest"
)

func TestRegistry(t *testing.T) {
	fs := export.Formats()
	for i := 1; i < len(fs); i++ {
		if fs[i-1].Name >= fs[i].Name {
			t.Errorf("formats not sorted: %s before %s", fs[i-1].Name, fs[i].Name)
		}
	}
	for _, tc := range []struct{ file, want string }{
		{"out/g.graphml", "graphml"}, {"G.DOT", "dot"}, {"x.gv", "dot"}, {"g.gexf", "gexf"}, {"g.json", "json"},
		{"g.cyjs", "cyjs"}, {"g.csv", "csv"}, {"g.nq", "nquads"}, {"g.nquads", "nquads"},
	} {
		f, err := export.ForFile(tc.file)
		if err != nil || f.Name != tc.want {
			t.Errorf("ForFile(%q) = %v, %v; want %s", tc.file, f.Name, err, tc.want)
		}
	}
	if _, err := export.ForFile("x.pdf"); err == nil || !strings.Contains(err.Error(), "--format") {
		t.Errorf("ForFile(x.pdf) error = %v", err)
	}
	if _, err := export.ForFile(".gexf"); err == nil {
		t.Error("ForFile(.gexf) found a format for a name that is only an extension")
	}
	if err := (export.Options{Cluster: "city"}).Check(); err == nil || !strings.Contains(err.Error(), "community or park") {
		t.Errorf("Check(cluster=city) = %v", err)
	}
	if _, err := export.Lookup("nope"); err == nil {
		t.Error("Lookup(nope) succeeded")
	}
	defer func() {
		if recover() == nil {
			t.Error("registering a duplicate format did not panic")
		}
	}()
	export.Register(fs[0])
}

func ExampleForFile() {
	f, _ := export.ForFile("out/graph.graphml")
	var buf bytes.Buffer
	if err := f.New(&buf, export.Options{}).Encode(exporttest.Snapshot()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(f.Name, f.MIME, strings.Count(buf.String(), "<node "), "nodes")
	// Output: graphml application/graphml+xml 9 nodes
}
