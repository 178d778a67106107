package store

import (
	"context"
	"fmt"
	"math"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// AnalysisRun describes one analysis run written back into the store.
type AnalysisRun struct {
	Modularity float64 // of the communities written, when there are any
	Resolution float64
	Seed       uint64
}

// AnalysisResult says what WriteAnalysis changed.
type AnalysisResult struct {
	Run     quad.IRI // the label of the quads written
	Added   int      // quads written
	Removed int      // quads of earlier runs removed
	// Unchanged is true when the store already held exactly these results
	// (under the previous run's label, which Run then names): nothing was
	// written.
	Unchanged bool
}

// analysisBatch is how many quads one transaction of WriteAnalysis holds.
const analysisBatch = 10000

// WriteAnalysis stores the analysis results attached to s (every measure of
// graph.Measures a node carries, and its community's name) as quads labelled
// with the parts of a new run (graph.RunIRI, graph.RunPartIRI), after
// removing every quad of earlier
// runs: the store holds one run's results at a time, and Gizmo can filter
// and sort on them (g.V().Has("<pg:community>", 0), …). The run node itself
// holds its time, modularity, resolution and seed.
//
// Earlier runs go first, in their own transaction (as Put does, for the same
// reason); the new run's type quad is written in the first batch, so a run
// cut short is still recognised, and removed, by the next one.
func (s *Store) WriteAnalysis(ctx context.Context, snap *graph.Snapshot, run AnalysisRun) (AnalysisResult, error) {
	old, err := s.analysisQuads(ctx)
	if err != nil {
		return AnalysisResult{}, fmt.Errorf("write analysis: %w", err)
	}
	R := graph.RunIRI(s.now())
	add := AnalysisQuads(snap, R, s.now(), run)
	if prev, ok := sameResults(old, add); ok {
		return AnalysisResult{Run: prev, Unchanged: true}, nil
	}
	res := AnalysisResult{Run: R}
	for i := 0; i < len(old); i += analysisBatch {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		part := old[i:min(i+analysisBatch, len(old))]
		if err := s.applyAnalysis(part, cgraph.Delete); err != nil {
			return res, fmt.Errorf("write analysis: remove the earlier run: %w", err)
		}
		res.Removed += len(part)
	}
	// A batch ends where a part begins, so that every quad of a batch
	// carries a label new to the store, which spares the store the check
	// for a quad it already holds.
	for i := 0; i < len(add); {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		j := min(i+analysisBatch, len(add))
		for j < len(add) && add[j].Predicate != graph.PredRunPart {
			j++
		}
		batch := add[i:j]
		if err := s.applyAnalysis(batch, cgraph.Add); err != nil {
			return res, fmt.Errorf("write analysis: %w", err)
		}
		res.Added += len(batch)
		i = j
	}
	return res, nil
}

// AnalysisQuads returns the quads that store the results attached to snap
// under the run label R, the run's own description first.
func AnalysisQuads(snap *graph.Snapshot, R quad.IRI, at time.Time, run AnalysisRun) []quad.Quad {
	qs := []quad.Quad{
		{Subject: R, Predicate: graph.PredType, Object: graph.ClassRun, Label: R},
		{Subject: R, Predicate: graph.PredRunAt, Object: quad.Time(at.UTC().Truncate(time.Second)), Label: R},
	}
	if len(snap.Communities) > 0 {
		qs = append(qs,
			quad.Quad{Subject: R, Predicate: graph.PredModularity, Object: quad.Float(run.Modularity), Label: R},
			quad.Quad{Subject: R, Predicate: graph.PredCommunityResolution, Object: quad.Float(run.Resolution), Label: R},
		)
	}
	qs = append(qs, quad.Quad{Subject: R, Predicate: graph.PredSeed, Object: quad.Int(int64(run.Seed)), Label: R})
	// Results go in parts of graph.RunPartSize quads, each labelled with its
	// part and announced by a quad linking the run to it.
	var part quad.IRI
	inPart, parts := graph.RunPartSize, 0
	add := func(q quad.Quad) {
		if inPart == graph.RunPartSize {
			part = graph.RunPartIRI(R, parts)
			qs = append(qs, quad.Quad{Subject: R, Predicate: graph.PredRunPart, Object: part, Label: part})
			inPart = 0
			parts++
		}
		q.Label = part
		qs = append(qs, q)
		inPart++
	}
	for i := range snap.Nodes {
		n := &snap.Nodes[i]
		for _, m := range graph.Measures {
			v, ok := n.Metrics[m.Name]
			if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			var o quad.Value = quad.Float(v)
			if m.Int {
				o = quad.Int(int64(v))
			}
			add(quad.Quad{Subject: n.IRI, Predicate: m.IRI(), Object: o})
		}
		if n.Community != "" {
			add(quad.Quad{Subject: n.IRI, Predicate: graph.PredCommunityName, Object: quad.String(n.Community)})
		}
	}
	return qs
}

// sameResults reports whether the stored quads old (of a single run) say
// what add says, apart from the run's label and time, and returns the
// stored run's IRI.
func sameResults(old, add []quad.Quad) (quad.IRI, bool) {
	if len(old) != len(add) || len(old) == 0 {
		return "", false
	}
	var prev quad.IRI
	have := make(map[[3]string]bool, len(old))
	for _, q := range old {
		if q.Predicate == graph.PredType && q.Object == graph.ClassRun {
			prev, _ = q.Subject.(quad.IRI)
		}
		if q.Predicate == graph.PredRunPart {
			continue // names that differ from run to run
		}
		if q.Subject == q.Label {
			if q.Predicate == graph.PredRunAt || q.Predicate == graph.PredType {
				continue
			}
			q.Subject = nil
		}
		have[[3]string{quad.ToString(q.Subject), quad.ToString(q.Predicate), quad.ToString(q.Object)}] = true
	}
	for _, q := range add {
		if q.Predicate == graph.PredRunPart {
			continue
		}
		if q.Subject == q.Label {
			if q.Predicate == graph.PredRunAt || q.Predicate == graph.PredType {
				continue
			}
			q.Subject = nil
		}
		if !have[[3]string{quad.ToString(q.Subject), quad.ToString(q.Predicate), quad.ToString(q.Object)}] {
			return "", false
		}
	}
	return prev, prev != ""
}

// analysisQuads returns every quad labelled with an analysis run.
func (s *Store) analysisQuads(ctx context.Context) ([]quad.Quad, error) {
	var runs []quad.Value
	if err := s.quadsWithValue(ctx, quad.Object, graph.ClassRun, func(q quad.Quad) {
		if q.Predicate == graph.PredType {
			runs = append(runs, q.Subject)
		}
	}); err != nil {
		return nil, err
	}
	var out []quad.Quad
	for _, r := range runs {
		var parts []quad.Value
		if err := s.quadsWithValue(ctx, quad.Subject, r, func(q quad.Quad) {
			if q.Predicate == graph.PredRunPart {
				parts = append(parts, q.Object)
			}
		}); err != nil {
			return nil, err
		}
		// Runs written before results came in parts label them all with
		// the run itself.
		for _, l := range append([]quad.Value{r}, parts...) {
			if err := s.quadsWithValue(ctx, quad.Label, l, func(q quad.Quad) { out = append(out, q) }); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// quadsWithValue calls fn for every quad whose value in direction dir is v.
func (s *Store) quadsWithValue(ctx context.Context, dir quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := s.qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	return it.Err()
}

func (s *Store) applyAnalysis(qs []quad.Quad, action cgraph.Procedure) error {
	deltas := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		deltas[i] = cgraph.Delta{Quad: q, Action: action}
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return err
	}
	return s.ReleasePages()
}
