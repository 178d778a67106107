package graph

import (
	"strings"
	"time"

	"github.com/cayleygraph/quad"
)

// Predicates describing an analysis run (the subject is the run's IRI).
const (
	PredRunAt               quad.IRI = "pg:run_at"               // analysis run → time it ran
	PredModularity          quad.IRI = "pg:modularity"           // analysis run → modularity of its communities (float)
	PredCommunityResolution quad.IRI = "pg:community_resolution" // analysis run → modularity resolution used (float)
	PredSeed                quad.IRI = "pg:seed"                 // analysis run → seed of community detection and sampling (int)
)

// RunIRI is the IRI of an analysis run: pg:analysis/<UTC time>. Every quad
// the run wrote carries it as its label, so the next run can replace them.
func RunIRI(at time.Time) quad.IRI {
	return quad.IRI(Prefix + "analysis/" + at.UTC().Format("20060102T150405.000000000Z"))
}

// runVocabulary documents the predicates of analysis runs.
func runVocabulary() []VocabEntry {
	return []VocabEntry{
		{PredRunAt, "analysis", "analysis run → time it ran"},
		{PredModularity, "analysis", "analysis run → modularity of its communities"},
		{PredCommunityResolution, "analysis", "analysis run → modularity resolution of its communities"},
		{PredSeed, "analysis", "analysis run → seed of community detection and sampling"},
	}
}

// IsRunIRI reports whether v is the IRI of an analysis run, as the label of
// every quad a run wrote is.
func IsRunIRI(v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), Prefix+"analysis/")
}
