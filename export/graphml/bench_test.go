package graphml_test

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"parkgraph/export"
	"parkgraph/export/exporttest"
	"parkgraph/export/graphml"
	"parkgraph/graph"
)

// benchSizes are the graph sizes (entities; relations are three times as
// many) the benchmark writes; PARKGRAPH_BENCH_NODES overrides them
// (comma-separated). Select one with -bench 'GraphML/nodes=1000000'.
func benchSizes() []int {
	sizes := []int{10_000, 100_000, 1_000_000}
	if env := os.Getenv("PARKGRAPH_BENCH_NODES"); env != "" {
		sizes = nil
		for _, f := range strings.Split(env, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				sizes = append(sizes, n)
			}
		}
	}
	return sizes
}

var (
	generated   = map[int]*graph.Snapshot{}
	generatedMu sync.Mutex
)

func generate(n int) *graph.Snapshot {
	generatedMu.Lock()
	defer generatedMu.Unlock()
	if s, ok := generated[n]; ok {
		return s
	}
	for k := range generated { // keep one size in memory at a time
		delete(generated, k)
	}
	runtime.GC()
	s := exporttest.Generate(n, 3*n, 1)
	generated[n] = s
	return s
}

// BenchmarkGraphML writes generated graphs of realistic shape as GraphML
// to io.Discard. Per size it runs two baselines in the same process and
// reports the encoder's time as ratios against them:
//
//	encoding-xml  the same document through encoding/xml's token encoder
//	bufio-copy    as many bytes of its output copied through a bufio.Writer (the floor)
//
// and, for the encoder, the process's peak resident memory (MB-peak-RSS,
// snapshot included), the heap the snapshot takes (MB-snapshot) and the
// largest growth of the heap while encoding (MB-encode-heap).
func BenchmarkGraphML(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("nodes=%d,edges=%d", n, 3*n), func(b *testing.B) {
			s := generate(n)
			// The size of the document and its first 64 KiB, for the copy
			// baseline: holding the whole document would double the memory
			// the benchmark measures.
			var count countingWriter
			if err := graphml.NewEncoder(&count, export.Options{}).Encode(s); err != nil {
				b.Fatal(err)
			}
			size, block := count.n, count.head
			var xmlNs, copyNs float64
			b.Run("encoding-xml", func(b *testing.B) {
				b.SetBytes(size)
				for i := 0; i < b.N; i++ {
					if err := encodeWithStdlib(io.Discard, s); err != nil {
						b.Fatal(err)
					}
				}
				xmlNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			})
			b.Run("bufio-copy", func(b *testing.B) {
				b.SetBytes(size)
				for i := 0; i < b.N; i++ {
					w := bufio.NewWriterSize(io.Discard, 64<<10)
					for left := size; left > 0; left -= 4096 {
						off := int(left) % (len(block) - 4096)
						w.Write(block[off : off+int(min(left, 4096))])
					}
					w.Flush()
				}
				copyNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			})
			b.Run("parkgraph", func(b *testing.B) {
				runtime.GC()
				snapshotHeap := heapBytes()
				b.SetBytes(size)
				b.ReportAllocs()
				var peak atomic.Uint64
				stop := make(chan struct{})
				done := make(chan struct{})
				go func() {
					defer close(done)
					for {
						if h := heapBytes(); h > peak.Load() {
							peak.Store(h)
						}
						select {
						case <-stop:
							return
						case <-time.After(5 * time.Millisecond):
						}
					}
				}()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := graphml.NewEncoder(io.Discard, export.Options{}).Encode(s); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				close(stop)
				<-done
				ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
				if xmlNs > 0 {
					b.ReportMetric(ns/xmlNs, "x-encoding-xml")
				}
				if copyNs > 0 {
					b.ReportMetric(ns/copyNs, "x-bufio-copy")
				}
				b.ReportMetric(float64(snapshotHeap)/1e6, "MB-snapshot")
				if p := peak.Load(); p > snapshotHeap {
					b.ReportMetric(float64(p-snapshotHeap)/1e6, "MB-encode-heap")
				}
				b.ReportMetric(peakRSS()/1e6, "MB-peak-RSS")
			})
		})
	}
}

// countingWriter counts bytes and keeps the first 64 KiB.
type countingWriter struct {
	n    int64
	head []byte
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if room := 64<<10 - len(c.head); room > 0 {
		c.head = append(c.head, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func heapBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// peakRSS is the process's peak resident set (VmHWM), or 0 where /proc
// does not tell.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb * 1024
		}
	}
	return 0
}

// encodeWithStdlib writes the same GraphML document with encoding/xml's
// token encoder: the baseline the encoder is measured against.
func encodeWithStdlib(w io.Writer, s *graph.Snapshot) error {
	cols := export.NewColumns(s, export.Options{})
	enc := xml.NewEncoder(w)
	attr := func(k, v string) xml.Attr { return xml.Attr{Name: xml.Name{Local: k}, Value: v} }
	start := func(name string, attrs ...xml.Attr) error {
		return enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs})
	}
	end := func(name string) error { return enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}}) }
	data := func(key, v string) {
		start("data", attr("key", key))
		enc.EncodeToken(xml.CharData(v))
		end("data")
	}
	enc.EncodeToken(xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0" encoding="UTF-8"`)})
	start("graphml", attr("xmlns", "http://graphml.graphdrawing.org/xmlns"))
	for _, a := range cols.Node {
		start("key", attr("id", "n_"+a.Name), attr("for", "node"), attr("attr.name", a.Name), attr("attr.type", a.Type.String()))
		end("key")
	}
	for _, a := range cols.Edge {
		start("key", attr("id", "e_"+a.Name), attr("for", "edge"), attr("attr.name", a.Name), attr("attr.type", a.Type.String()))
		end("key")
	}
	start("graph", attr("id", "parkgraph"), attr("edgedefault", "directed"))
	ids := make([]string, len(s.Nodes))
	for i := range s.Nodes {
		n := &s.Nodes[i]
		ids[i] = graphml.NodeID(string(n.IRI))
		start("node", attr("id", ids[i]))
		data("n_iri", string(n.IRI))
		for j, a := range cols.Node {
			if v := cols.NodeValue(n, j); v.Set {
				data("n_"+a.Name, v.Text(a))
			}
		}
		end("node")
	}
	for i := range s.Edges {
		e := &s.Edges[i]
		start("edge", attr("id", "e"+strconv.Itoa(i)), attr("source", ids[s.Index(e.Subject)]), attr("target", ids[s.Index(e.Object)]))
		for j, a := range cols.Edge {
			if v := cols.EdgeValue(e, j); v.Set {
				data("e_"+a.Name, v.Text(a))
			}
		}
		end("edge")
	}
	end("graph")
	end("graphml")
	return enc.Close()
}
