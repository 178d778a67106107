package analysis

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"parkgraph/graph"
)

// Benchmarks run on Barabási–Albert graphs (m = 3) whose size comes from
// the environment:
//
//	PARKGRAPH_BENCH_N     nodes for build, PageRank, components,
//	                      eigenvector, k-core, communities and Analyze (10000)
//	PARKGRAPH_BENCH_BC_N  nodes for exact betweenness (1000)
//	PARKGRAPH_BENCH_SAMPLE_N nodes for betweenness from 256 pivots (100000)
//
// Where gonum has the algorithm, a "gonum" sub-benchmark runs it on gonum's
// own graph type first, and the "csr" one then reports how many times
// faster it is ("x-gonum") in the same run. gonum's Louvain and exact
// betweenness are slow: keep their sizes small (gonum takes about 5 s for
// communities and 250 s for betweenness at 10,000 nodes).
//
//	PARKGRAPH_BENCH_N=1000000 go test -run - -bench 'PageRank|Components' -benchmem ./graph/analysis

func benchSize(b *testing.B, env string, def int) int {
	b.Helper()
	s := os.Getenv(env)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 10 {
		b.Fatalf("%s=%q: want a number of nodes, at least 10", env, s)
	}
	return n
}

var benchGraphs = map[int]*Graph{}

func benchGraph(n int) *Graph {
	if g := benchGraphs[n]; g != nil {
		return g
	}
	g := NewGraph(n, BarabasiAlbert(n, 3, 1))
	benchGraphs[n] = g
	return g
}

// versusGonum runs gonum's version of a kernel, then this package's, and
// reports the ratio of their times per operation on the latter.
func versusGonum(b *testing.B, gonum, csr func(b *testing.B)) {
	var gonumNs float64
	if gonum != nil {
		b.Run("gonum", func(b *testing.B) {
			gonum(b)
			gonumNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		})
	}
	b.Run("csr", func(b *testing.B) {
		csr(b)
		if gonumNs > 0 {
			b.ReportMetric(gonumNs/(float64(b.Elapsed().Nanoseconds())/float64(b.N)), "x-gonum")
		}
	})
}

func BenchmarkBuild(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_N", 10000)
	edges := BarabasiAlbert(n, 3, 1)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		versusGonum(b, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				g := simple.NewWeightedUndirectedGraph(0, 0)
				for i := range n {
					g.AddNode(simple.Node(i))
				}
				for _, e := range edges {
					g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.U), T: simple.Node(e.V), W: e.W})
				}
			}
		}, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				NewGraph(n, edges)
			}
		})
	})
}

func BenchmarkPageRank(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_N", 10000)
	g := benchGraph(n)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		versusGonum(b, func(b *testing.B) {
			d := simple.NewDirectedGraph()
			for i := range n {
				d.AddNode(simple.Node(i))
			}
			for u := range n {
				for _, v := range g.Adj[g.Off[u]:g.Off[u+1]] {
					d.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
				}
			}
			b.ResetTimer()
			for range b.N {
				network.PageRankSparse(d, 0.85, 1e-9)
			}
		}, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				PageRank(g, 0.85, 1e-9)
			}
		})
	})
}

func BenchmarkComponents(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_N", 10000)
	g := benchGraph(n)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		versusGonum(b, func(b *testing.B) {
			s := simpleCopy(g)
			b.ResetTimer()
			for range b.N {
				topo.ConnectedComponents(s)
			}
		}, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				Components(g)
			}
		})
	})
}

func BenchmarkBetweenness(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_BC_N", 1000)
	g := benchGraph(n)
	comp, sizes := Components(g)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		versusGonum(b, func(b *testing.B) {
			s := simpleCopy(g)
			b.ResetTimer()
			for range b.N {
				network.Betweenness(s)
			}
		}, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				Paths(g, comp, sizes, -1, 1)
			}
		})
	})
}

func BenchmarkSampledBetweenness(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_SAMPLE_N", 100000)
	g := benchGraph(n)
	comp, sizes := Components(g)
	b.Run(fmt.Sprintf("%d/pivots=256", n), func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			Paths(g, comp, sizes, 256, 1)
		}
	})
}

func BenchmarkCommunities(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_N", 10000)
	g := benchGraph(n)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		var q float64
		versusGonum(b, func(b *testing.B) {
			s := simpleCopy(g)
			b.ResetTimer()
			for range b.N {
				r := community.Modularize(s, 1, rand.NewPCG(1, 1))
				b.StopTimer()
				q = community.Q(s, r.Communities(), 1)
				b.StartTimer()
			}
			b.ReportMetric(q, "Q")
		}, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				q = Communities(g, 1, 1, 2).Q
			}
			b.ReportMetric(q, "Q")
		})
	})
}

func BenchmarkEigenvector(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_N", 10000)
	g := benchGraph(n)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			Eigenvector(g, 1e-9)
		}
	})
}

func BenchmarkCoreNumbers(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_N", 10000)
	g := benchGraph(n)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		versusGonum(b, func(b *testing.B) {
			s := simpleCopy(g)
			b.ResetTimer()
			for range b.N {
				topo.DegeneracyOrdering(s)
			}
		}, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				CoreNumbers(g)
			}
		})
	})
}

// BenchmarkAnalyze runs every measure on a snapshot of the shape parkgraph
// reads: typed entities, relations with a few sentences each.
func BenchmarkAnalyze(b *testing.B) {
	n := benchSize(b, "PARKGRAPH_BENCH_N", 10000)
	edges := BarabasiAlbert(n, 3, 1)
	r := rand.New(rand.NewPCG(2, 2))
	nodes := make([]graph.Node, n)
	refs := make([]graph.EntityRef, n)
	for i := range nodes {
		t := graph.EntityTypes[r.IntN(len(graph.EntityTypes))]
		refs[i] = graph.EntityRef{Type: t, Name: fmt.Sprintf("实体%07d", i)}
		nodes[i] = graph.Node{IRI: refs[i].IRI(), Type: t, Name: refs[i].Name}
	}
	es := make([]graph.Edge, len(edges))
	for i, e := range edges {
		ev := make([]graph.Evidence, 1+r.IntN(3))
		for j := range ev {
			ev[j] = graph.Evidence{Sentence: graph.SentenceIRI(fmt.Sprint(i), j), Doc: fmt.Sprint(i)}
		}
		es[i] = graph.Edge{Subject: refs[e.U].IRI(), Predicate: graph.Predicates[r.IntN(len(graph.Predicates))], Object: refs[e.V].IRI(), Evidence: ev}
	}
	s := graph.NewSnapshot(nodes, es, nil)
	b.Run(fmt.Sprint(n), func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			Analyze(s, DefaultOptions())
		}
	})
}
