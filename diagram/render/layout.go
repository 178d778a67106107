package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Graphviz runs in one WebAssembly instance per process, which is not safe
// for concurrent use: layouts take turns.
var (
	gvMu sync.Mutex
	gv   *graphviz.Graphviz
)

// layout is what Graphviz made of a DOT graph: its bounding box and the
// drawing operations of every cluster, node and edge, in Graphviz's
// coordinates (points, y growing upwards).
type layout struct {
	Width, Height float64
	Clusters      []object
	Nodes         []object
	Edges         []object
}

// object is one drawn thing: its DOT name or id and its operations.
type object struct {
	Name string // node name, cluster name
	ID   string // the id attribute
	Pos  point  // node centre
	Ops  []op
}

type point struct{ X, Y float64 }

// op is one xdot drawing operation as Graphviz's json output gives it.
type op struct {
	Op       string       `json:"op"`
	Color    string       `json:"color"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"` // ellipse: centre x, y, radius x, y
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Style    string       `json:"style"`
	FontChar int          `json:"fontchar"`
}

type jsonObject struct {
	Name   string `json:"name"`
	ID     string `json:"id"`
	Pos    string `json:"pos"`
	Nodes  []int  `json:"nodes"`
	Draw   []op   `json:"_draw_"`
	LDraw  []op   `json:"_ldraw_"`
	HDraw  []op   `json:"_hdraw_"`
	TDraw  []op   `json:"_tdraw_"`
	HLDraw []op   `json:"_hldraw_"`
	TLDraw []op   `json:"_tldraw_"`
}

type jsonGraph struct {
	BB          string       `json:"bb"`
	SubgraphCnt int          `json:"_subgraph_cnt"`
	Objects     []jsonObject `json:"objects"`
	Edges       []jsonObject `json:"edges"`
}

// runLayout lays out a DOT graph with the dot engine.
func runLayout(ctx context.Context, dot []byte) (*layout, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	if gv == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("start graphviz: %w", err)
		}
		gv = g
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz: parse diagram: %w", err)
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, "json", &buf); err != nil {
		return nil, fmt.Errorf("graphviz: lay out diagram: %w", err)
	}
	return parseLayout(buf.Bytes())
}

func parseLayout(data []byte) (*layout, error) {
	var jg jsonGraph
	if err := json.Unmarshal(data, &jg); err != nil {
		return nil, fmt.Errorf("graphviz: read layout: %w", err)
	}
	bb, err := floats(jg.BB, 4)
	if err != nil {
		return nil, fmt.Errorf("graphviz: bounding box %q: %w", jg.BB, err)
	}
	l := &layout{Width: bb[2] - bb[0], Height: bb[3] - bb[1]}
	for i, o := range jg.Objects {
		obj := object{Name: o.Name, ID: o.ID, Ops: concat(o.Draw, o.LDraw)}
		if i < jg.SubgraphCnt {
			l.Clusters = append(l.Clusters, obj)
			continue
		}
		if p, err := floats(o.Pos, 2); err == nil {
			obj.Pos = point{p[0], p[1]}
		}
		l.Nodes = append(l.Nodes, obj)
	}
	for _, e := range jg.Edges {
		l.Edges = append(l.Edges, object{ID: e.ID, Ops: concat(e.Draw, e.TDraw, e.HDraw, e.LDraw, e.TLDraw, e.HLDraw)})
	}
	return l, nil
}

func concat(lists ...[]op) []op {
	var out []op
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func floats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
