package main

import (
	"context"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
	"parkgraph/graph/store"
	"parkgraph/internal/corpus"
)

// storeQuads reads a store's quads, without ingest times (which differ from
// run to run), grouped by the document their label belongs to.
func storeQuads(t *testing.T, dsn string) (byDoc map[string][]string, hashes map[string]bool) {
	t.Helper()
	st, err := store.Open(dsn)
	if err != nil {
		t.Fatalf("the store does not open: %v", err)
	}
	defer st.Close()
	byDoc, hashes = map[string][]string{}, map[string]bool{}
	err = st.EachQuad(context.Background(), func(q quad.Quad) {
		if q.Predicate == graph.PredIngested || q.Label == store.ResolutionLabel || graph.IsRunIRI(q.Label) {
			return
		}
		id, ok := graph.DocumentIDOf(q.Label.(quad.IRI))
		if !ok {
			t.Errorf("quad without a document label: %v", q)
			return
		}
		if q.Predicate == graph.PredHash {
			hashes[id] = true
		}
		byDoc[id] = append(byDoc[id], q.NQuad())
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, qs := range byDoc {
		sort.Strings(qs)
	}
	return byDoc, hashes
}

// TestBuildKilled kills a real build process with SIGKILL at several points
// and checks that the store opens, holds only whole documents, and that a
// re-run completes it with exactly the quads of an uninterrupted build.
func TestBuildKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and a corpus")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parkgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if _, err := corpus.New(corpus.Options{Articles: 300, Seed: 11}).WriteDir(filepath.Join(dir, "corpus")); err != nil {
		t.Fatal(err)
	}
	articles := filepath.Join(dir, "corpus", "articles")

	ref := "bolt:" + filepath.Join(dir, "ref")
	if code, _, stderr := runCLI(t, "build", "--db", ref, "--formats", "", articles); code != 0 {
		t.Fatalf("reference build: %s", stderr)
	}
	want, wantHashes := storeQuads(t, ref)
	if len(wantHashes) != 300 {
		t.Fatalf("reference build stored %d documents, want 300", len(wantHashes))
	}

	db := "bolt:" + filepath.Join(dir, "db")
	killed := 0
	for _, after := range []time.Duration{300 * time.Millisecond, 700 * time.Millisecond, 1200 * time.Millisecond, 2 * time.Second, 3 * time.Second} {
		cmd := exec.Command(bin, "build", "--db", db, "--formats", "", "--batch", "7", articles)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done: // finished before the kill
		case <-time.After(after):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killed++
		}
		got, hashes := storeQuads(t, db)
		for id, qs := range got {
			if !hashes[id] {
				t.Errorf("killed after %v: %d quads of document %s without the document", after, len(qs), id)
				continue
			}
			if strings.Join(qs, "\n") != strings.Join(want[id], "\n") {
				t.Errorf("killed after %v: document %s has %d quads, want its %d", after, id, len(qs), len(want[id]))
			}
		}
		t.Logf("killed after %v: %d whole documents stored", after, len(hashes))
	}
	if killed == 0 {
		t.Fatal("every build finished before it could be killed; the test proved nothing")
	}

	code, stdout, stderr := runCLI(t, "build", "--db", db, "--formats", "", articles)
	if code != 0 {
		t.Fatalf("re-run: %s", stderr)
	}
	got, _ := storeQuads(t, db)
	if len(got) != len(want) {
		t.Errorf("after the re-run: %d documents, want %d", len(got), len(want))
	}
	for id, qs := range want {
		if strings.Join(got[id], "\n") != strings.Join(qs, "\n") {
			t.Errorf("after the re-run document %s differs from an uninterrupted build", id)
		}
	}
	// And once more: nothing to add.
	if code, stdout, _ = runCLI(t, "build", "--db", db, "--formats", "", articles); code != 0 || !strings.Contains(stdout, "0 new, 0 changed, 300 unchanged, 0 skipped (0 quads added, 0 removed)") {
		t.Errorf("a build of unchanged files wrote something:\n%s", stdout)
	}
}
