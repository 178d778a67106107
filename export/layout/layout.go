// Package layout places the nodes of a snapshot in the plane with
// ForceAtlas2, the force-directed layout Gephi opens graphs with, so that
// exports (GEXF, JSON) open already laid out.
//
// Nodes repel each other in proportion to their degrees, relations pull
// their ends together, and a weak gravity keeps unconnected parts near the
// centre. Repulsion is computed with a Barnes–Hut quadtree, so one
// iteration costs O(n log n); the number of iterations shrinks as the graph
// grows. Starting positions come from each node's IRI and the seed, so the
// result is the same on every run and a node starts in the same place
// whatever else the (filtered) graph holds.
package layout

import (
	"hash/fnv"
	"math"
	"runtime"
	"sync"

	"parkgraph/graph"
)

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// Options control a layout run.
type Options struct {
	Seed       uint64 // seed of the starting positions; 0 means 1
	Iterations int    // 0 chooses by size (DefaultIterations)
	Gravity    float64
	Scaling    float64 // repulsion strength; 0 chooses by size as Gephi does
	Theta      float64 // Barnes–Hut accuracy; 0 means 1.2
}

// DefaultIterations is the number of iterations for a graph of n nodes:
// 500 for graphs up to 4,000 nodes, then about 2·10⁶ node updates in all
// (a few seconds), and never fewer than 10.
func DefaultIterations(n int) int {
	it := 2_000_000 / max(n, 1)
	return min(max(it, 10), 500)
}

// ForceAtlas2 returns a position for every node of s, in node order.
func ForceAtlas2(s *graph.Snapshot, opt Options) []Point {
	n := len(s.Nodes)
	if n == 0 {
		return nil
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Iterations == 0 {
		opt.Iterations = DefaultIterations(n)
	}
	if opt.Gravity == 0 {
		opt.Gravity = 1
	}
	if opt.Scaling == 0 {
		opt.Scaling = 2
		if n < 100 {
			opt.Scaling = 10
		}
	}
	if opt.Theta == 0 {
		opt.Theta = 1.2
	}

	l := &run{opt: opt, n: n}
	l.pos = make([]Point, n)
	l.mass = make([]float64, n)
	l.force = make([]Point, n)
	l.old = make([]Point, n)
	for i := range s.Edges {
		a, b := s.Index(s.Edges[i].Subject), s.Index(s.Edges[i].Object)
		if a == b || a < 0 || b < 0 {
			continue
		}
		l.edges = append(l.edges, [2]int32{int32(a), int32(b)})
		l.mass[a]++
		l.mass[b]++
	}
	spread := 10 * math.Sqrt(float64(n))
	for i := range s.Nodes {
		l.mass[i]++
		h := fnv.New64a()
		h.Write([]byte(s.Nodes[i].IRI))
		x := splitmix(h.Sum64() ^ opt.Seed)
		y := splitmix(x)
		l.pos[i] = Point{spread * (unit(x) - 0.5), spread * (unit(y) - 0.5)}
	}
	l.speed, l.efficiency = 1, 1
	for it := 0; it < opt.Iterations; it++ {
		l.step()
	}
	return l.pos
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

func unit(x uint64) float64 { return float64(x>>11) / (1 << 53) }

type run struct {
	opt   Options
	n     int
	pos   []Point
	mass  []float64
	force []Point
	old   []Point
	edges [][2]int32
	tree  *tree

	speed, efficiency float64
}

// step is one ForceAtlas2 iteration with Gephi's adaptive speed.
func (l *run) step() {
	l.old, l.force = l.force, l.old
	l.tree = buildTree(l.tree, l.pos, l.mass)
	tree := l.tree
	kr, kg := l.opt.Scaling, l.opt.Gravity
	theta2 := l.opt.Theta * l.opt.Theta
	parallel(l.n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			p, m := l.pos[i], l.mass[i]
			f := tree.repulse(i, p, m, kr, theta2)
			if d := math.Hypot(p.X, p.Y); d > 0 {
				f.X -= kg * m * p.X / d
				f.Y -= kg * m * p.Y / d
			}
			l.force[i] = f
		}
	})
	for _, e := range l.edges {
		a, b := e[0], e[1]
		dx, dy := l.pos[a].X-l.pos[b].X, l.pos[a].Y-l.pos[b].Y
		l.force[a].X -= dx
		l.force[a].Y -= dy
		l.force[b].X += dx
		l.force[b].Y += dy
	}

	var swinging, traction float64
	for i := range l.pos {
		f, o := l.force[i], l.old[i]
		swinging += l.mass[i] * math.Hypot(f.X-o.X, f.Y-o.Y)
		traction += l.mass[i] * math.Hypot(f.X+o.X, f.Y+o.Y) / 2
	}
	n := float64(l.n)
	estimated := 0.05 * math.Sqrt(n)
	jitter := math.Max(math.Sqrt(estimated), math.Min(10, estimated*traction/(n*n)))
	const minEfficiency = 0.05
	if traction > 0 && swinging/traction > 2 {
		if l.efficiency > minEfficiency {
			l.efficiency *= 0.5
		}
		jitter = math.Max(jitter, 1)
	}
	target := math.Inf(1)
	if swinging > 0 {
		target = jitter * l.efficiency * traction / swinging
	}
	if swinging > jitter*traction {
		if l.efficiency > minEfficiency {
			l.efficiency *= 0.7
		}
	} else if l.speed < 1000 {
		l.efficiency *= 1.3
	}
	l.speed += math.Min(target-l.speed, 0.5*l.speed)

	for i := range l.pos {
		f, o := l.force[i], l.old[i]
		swing := l.mass[i] * math.Hypot(f.X-o.X, f.Y-o.Y)
		factor := l.speed / (1 + math.Sqrt(l.speed*swing))
		l.pos[i].X += f.X * factor
		l.pos[i].Y += f.Y * factor
	}
}

// parallel runs fn over [0,n) in chunks on every CPU. Each index is handled
// by exactly one call and results do not depend on the split.
func parallel(n int, fn func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 2048 || workers == 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// tree is a Barnes–Hut quadtree over the node positions, stored as flat
// arrays. A cell holds either one body (a node index) or four children.
type tree struct {
	pos  []Point
	mass []float64

	cells []cell
}

type cell struct {
	cx, cy, half float64 // square: centre and half side
	mx, my, m    float64 // mass-weighted position sum, mass
	body         int32   // node index if a leaf with one body, -1 if empty, -2 if internal
	child        int32   // index of the first of four children
}

// buildTree builds the quadtree of the positions, reusing the cells of an
// earlier tree when given one.
func buildTree(t *tree, pos []Point, mass []float64) *tree {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	half := math.Max(maxX-minX, maxY-minY)/2 + 1
	if t == nil {
		t = &tree{cells: make([]cell, 0, 4*len(pos)+1)}
	}
	t.pos, t.mass = pos, mass
	t.cells = append(t.cells[:0], cell{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, body: -1})
	for i := range pos {
		t.insert(0, int32(i), 0)
	}
	return t
}

const maxDepth = 40

func (t *tree) insert(c int, i int32, depth int) {
	for {
		p, m := t.pos[i], t.mass[i]
		cl := &t.cells[c]
		cl.mx += p.X * m
		cl.my += p.Y * m
		cl.m += m
		switch {
		case cl.body == -1:
			cl.body = i
			return
		case cl.body >= 0:
			if depth >= maxDepth { // coincident points: keep them in one leaf's mass
				return
			}
			old := cl.body
			t.split(c)
			oc := t.quadrant(c, t.pos[old])
			t.cells[oc].body = old
			op, om := t.pos[old], t.mass[old]
			t.cells[oc].mx += op.X * om
			t.cells[oc].my += op.Y * om
			t.cells[oc].m += om
		}
		c = t.quadrant(c, p)
		depth++
	}
}

func (t *tree) split(c int) {
	first := int32(len(t.cells))
	cl := t.cells[c]
	h := cl.half / 2
	for q := 0; q < 4; q++ {
		dx, dy := -h, -h
		if q&1 != 0 {
			dx = h
		}
		if q&2 != 0 {
			dy = h
		}
		t.cells = append(t.cells, cell{cx: cl.cx + dx, cy: cl.cy + dy, half: h, body: -1})
	}
	t.cells[c].body = -2
	t.cells[c].child = first
}

func (t *tree) quadrant(c int, p Point) int {
	cl := &t.cells[c]
	q := 0
	if p.X >= cl.cx {
		q |= 1
	}
	if p.Y >= cl.cy {
		q |= 2
	}
	return int(cl.child) + q
}

// repulse returns the repulsion on node i at p with mass m: kr·m·m'/d from
// every other body, far cells taken as one body at their centre of mass.
func (t *tree) repulse(i int, p Point, m, kr, theta2 float64) Point {
	var f Point
	var stack [4 * maxDepth * 2]int32
	sp := 0
	stack[sp] = 0
	sp++
	for sp > 0 {
		sp--
		cl := &t.cells[stack[sp]]
		if cl.m == 0 || cl.body == int32(i) {
			continue
		}
		cx, cy := cl.mx/cl.m, cl.my/cl.m
		dx, dy := p.X-cx, p.Y-cy
		d2 := dx*dx + dy*dy
		size := 2 * cl.half
		if cl.body >= 0 || size*size < theta2*d2 {
			if d2 < 1e-12 {
				continue
			}
			k := kr * m * cl.m / d2 // force kr·m·M/d along the unit vector (dx,dy)/d
			f.X += dx * k
			f.Y += dy * k
			continue
		}
		for q := int32(0); q < 4; q++ {
			stack[sp] = cl.child + q
			sp++
		}
	}
	return f
}
