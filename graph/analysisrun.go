package graph

import (
	"strconv"
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
	PredRunPart             quad.IRI = "pg:run_part"             // analysis run → one part of its results (the label of up to RunPartSize of them)
)

// RunPartSize is how many result quads of an analysis run share one label.
// A store checks a quad it adds against the quads that share its label when
// the label is not new; labels of a bounded size keep that check, and the
// removal of an earlier run, from growing with the graph.
const RunPartSize = 1000

// RunIRI is the IRI of an analysis run: pg:analysis/<UTC time>. The run's
// own description carries it as its label, its results the IRI of one of its
// parts (RunPartIRI), so the next run can find and replace them.
func RunIRI(at time.Time) quad.IRI {
	return quad.IRI(Prefix + "analysis/" + at.UTC().Format("20060102T150405.000000000Z"))
}

// RunPartIRI is the IRI of the k-th part of an analysis run's results,
// which labels them: the run's IRI followed by /k.
func RunPartIRI(run quad.IRI, k int) quad.IRI {
	return quad.IRI(string(run) + "/" + strconv.Itoa(k))
}

// runVocabulary documents the predicates of analysis runs.
func runVocabulary() []VocabEntry {
	return []VocabEntry{
		{PredRunAt, "analysis", "analysis run → time it ran"},
		{PredModularity, "analysis", "analysis run → modularity of its communities"},
		{PredCommunityResolution, "analysis", "analysis run → modularity resolution of its communities"},
		{PredSeed, "analysis", "analysis run → seed of community detection and sampling"},
		{PredRunPart, "analysis", "analysis run → one part of its results, the label of up to 1,000 of them"},
	}
}

// IsRunIRI reports whether v is the IRI of an analysis run or of one of its
// parts, as the label of every quad a run wrote is.
func IsRunIRI(v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), Prefix+"analysis/")
}
