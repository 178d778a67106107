package analysis

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
)

// BarabasiAlbert generates a preferential-attachment graph of n nodes:
// it starts from a clique of m+1 nodes, and each later node links to m
// distinct earlier nodes chosen with probability proportional to their
// degree. The graph has about n·m edges and the heavy-tailed degrees of
// real collaboration networks; a seed always gives the same graph. It is
// what the benchmarks and the comparison with igraph run on.
func BarabasiAlbert(n, m int, seed uint64) []Edge {
	if n <= 0 || m <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, 0xda3e39cb94b95bdb))
	core := min(n, m+1)
	edges := make([]Edge, 0, n*m)
	ends := make([]int32, 0, 2*n*m) // every edge end once: degree-weighted draws
	for i := 0; i < core; i++ {
		for j := i + 1; j < core; j++ {
			edges = append(edges, Edge{U: int32(i), V: int32(j), W: 1})
			ends = append(ends, int32(i), int32(j))
		}
	}
	picked := make([]int32, 0, m)
	for v := core; v < n; v++ {
		picked = picked[:0]
		for len(picked) < m {
			t := ends[r.IntN(len(ends))]
			dup := false
			for _, p := range picked {
				dup = dup || p == t
			}
			if !dup {
				picked = append(picked, t)
			}
		}
		for _, t := range picked {
			edges = append(edges, Edge{U: int32(v), V: t, W: 1})
			ends = append(ends, int32(v), t)
		}
	}
	return edges
}

// WriteEdgeList writes edges one per line as "u v" (and " w" when the
// weight is not 1), the format igraph's Read_Edgelist and networkx's
// read_edgelist read.
func WriteEdgeList(w io.Writer, edges []Edge) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf []byte
	for _, e := range edges {
		buf = strconv.AppendInt(buf[:0], int64(e.U), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(e.V), 10)
		if e.W != 1 {
			buf = append(buf, ' ')
			buf = strconv.AppendFloat(buf, e.W, 'g', -1, 64)
		}
		buf = append(buf, '\n')
		bw.Write(buf)
	}
	return bw.Flush()
}

// ReadEdgeList reads what WriteEdgeList writes; blank lines and lines
// starting with # are skipped. It returns the edges and the number of nodes
// (one more than the largest node number).
func ReadEdgeList(r io.Reader) ([]Edge, int, error) {
	sc := bufio.NewScanner(r)
	var edges []Edge
	n := 0
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Fields(s)
		if len(f) < 2 || len(f) > 3 {
			return nil, 0, fmt.Errorf("line %d: want \"u v\" or \"u v weight\", got %q", line, s)
		}
		var e Edge
		var nums [2]int64
		for i := 0; i < 2; i++ {
			v, err := strconv.ParseInt(f[i], 10, 32)
			if err != nil || v < 0 {
				return nil, 0, fmt.Errorf("line %d: node %q is not a non-negative integer", line, f[i])
			}
			nums[i] = v
		}
		e.U, e.V, e.W = int32(nums[0]), int32(nums[1]), 1
		if len(f) == 3 {
			w, err := strconv.ParseFloat(f[2], 64)
			if err != nil || w < 0 {
				return nil, 0, fmt.Errorf("line %d: weight %q is not a non-negative number", line, f[2])
			}
			e.W = w
		}
		n = max(n, int(e.U)+1, int(e.V)+1)
		edges = append(edges, e)
	}
	return edges, n, sc.Err()
}
