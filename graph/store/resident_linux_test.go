package store_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"parkgraph/graph/store"
)

// mappedRss returns the resident bytes of the process's mappings of file,
// from /proc/self/smaps.
func mappedRss(t *testing.T, file string) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	var total int64
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if !strings.HasSuffix(f[0], ":") { // a mapping's header line
			in = len(f) >= 6 && f[len(f)-1] == file
			continue
		}
		if in && f[0] == "Rss:" && len(f) >= 2 {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			total += kb << 10
		}
	}
	return total
}

func TestReleasePages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	st, err := store.Open("bolt:" + dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	docs := corpusDocuments(t, 400)
	if _, err := st.PutBatch(ctx, docs[:300]); err != nil {
		t.Fatal(err)
	}
	file, err := filepath.Abs(filepath.Join(dir, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	// Read every quad through Cayley itself, which releases nothing.
	qs := st.QuadStore()
	read := func() int {
		it := qs.QuadsAllIterator().Iterate()
		defer it.Close()
		n := 0
		for it.Next(ctx) {
			if _, err := qs.Quad(it.Result()); err != nil {
				t.Fatal(err)
			}
			n++
		}
		return n
	}
	n := read()
	before := mappedRss(t, file)
	if before < 1<<20 {
		t.Fatalf("a scan of %d quads left %d bytes of the store resident; the test needs more", n, before)
	}
	if err := st.ReleasePages(); err != nil {
		t.Fatal(err)
	}
	after := mappedRss(t, file)
	if after > before/10 {
		t.Errorf("after ReleasePages %d bytes of the store are resident, before %d", after, before)
	}
	if again := read(); again != n {
		t.Errorf("after ReleasePages a scan reads %d quads, before %d", again, n)
	}

	// Released all the while, a store written and read stays whole.
	stop := st.ReleasePagesEvery(time.Millisecond)
	for i := 300; i < 400; i += 25 {
		if _, err := st.PutBatch(ctx, docs[i:i+25]); err != nil {
			t.Fatal(err)
		}
		read()
	}
	stop()
	stop() // a second stop does nothing
	want := 0
	for _, d := range docs {
		want += len(d.Quads(time.Time{}))
	}
	if got := read(); got < want {
		t.Errorf("with pages released meanwhile the store holds %d quads, want at least the documents' %d", got, want)
	}

	// Reopening frees Cayley's load filters, keeps everything and the
	// store takes writes again.
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	held := ms.HeapAlloc
	if err := st.Reopen(); err != nil {
		t.Fatal(err)
	}
	qs = st.QuadStore() // the test's own reference to the closed one goes too
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if freed := int64(held) - int64(ms.HeapAlloc); freed < 200<<20 {
		t.Errorf("Reopen freed %d bytes of heap, want Cayley's load filters (about 300 MB)", freed)
	}
	total := read()
	if total < want {
		t.Errorf("reopened, the store holds %d quads, want at least %d", total, want)
	}
	if _, err := st.Remove(ctx, docs[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := read(); got >= total {
		t.Errorf("reopened, removing a document left %d of %d quads", got, total)
	}
}
