package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"

	"parkgraph/internal/corpus"
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

// BenchmarkExtractCorpus measures what "parkgraph extract" does to each
// file after reading it — decode, clean, split, extract — over a generated
// corpus at two sizes: a quarter of PARKGRAPH_BENCH_MB megabytes and all of
// it (default 4; the speed target is measured with 12 or more). It reports
// megabytes of article text per CPU-second (so per core) and the most live
// heap the extraction kept on top of the raw corpus held as input
// (peak-live-MB, from the collector's own count of live bytes), which should
// not grow with the corpus: articles are extracted one at a time and nothing
// is kept.
func BenchmarkExtractCorpus(b *testing.B) {
	mb := 4
	if s := os.Getenv("PARKGRAPH_BENCH_MB"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("PARKGRAPH_BENCH_MB=%q: want a whole number of megabytes", s)
		}
		mb = n
	}
	x, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{max(1, mb/4), mb} {
		b.Run(fmt.Sprintf("MB=%d", size), func(b *testing.B) {
			srcs, total := generateSources(int64(size) << 20)
			b.SetBytes(total)
			b.ReportAllocs()
			live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			runtime.GC()
			metrics.Read(live)
			base, peak := live[0].Value.Uint64(), live[0].Value.Uint64()
			stop := testenv.CPUThroughput(b, total)
			for b.Loop() {
				for i, src := range srcs {
					d, err := loader.Prepare(src)
					if err != nil {
						b.Fatal(err)
					}
					x.Extract(d)
					if i%16 == 0 {
						metrics.Read(live)
						peak = max(peak, live[0].Value.Uint64())
					}
				}
			}
			stop()
			b.ReportMetric(float64(peak-base)/(1<<20), "peak-live-MB")
		})
	}
}

// generateSources generates articles until they hold at least size bytes of
// text, as the sources reading their files would give.
func generateSources(size int64) ([]loader.Source, int64) {
	c := corpus.New(corpus.Options{Articles: int(size / 1000)})
	var srcs []loader.Source
	var total int64
	for i := 0; total < size && i < c.Len(); i++ {
		a := c.Article(i)
		srcs = append(srcs, loader.Source{Path: a.ID + ".txt", Bytes: []byte(a.Text)})
		total += int64(len(a.Text))
	}
	return srcs, total
}
