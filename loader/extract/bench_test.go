package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"parkgraph/internal/testenv"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

// BenchmarkExtractSeed measures extraction throughput on the seed article
// (cleaning and splitting excluded), in bytes of cleaned text per second.
func BenchmarkExtractSeed(b *testing.B) {
	x, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(testenv.RepoRoot(b), "seeds", "000_50c721a1e63a8171.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	src := loader.Source{Path: path, Bytes: raw}
	d, err := loader.Prepare(src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	stop := testenv.CPUThroughput(b, int64(len(d.Text)))
	for b.Loop() {
		dd := *d
		x.Extract(&dd)
	}
	stop()
}
