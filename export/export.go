// Package export writes a graph.Snapshot in the formats editors open it in.
//
// Each format lives in its own subpackage (export/graphml, export/dot, …)
// and registers itself in init; export/all imports them all. A Format is
// found by name (Lookup) or by a file name's extension (ForFile).
package export

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"parkgraph/graph"
)

// Encoder writes one snapshot to the writer it was made with.
type Encoder interface {
	Encode(s *graph.Snapshot) error
}

// Options are the settings formats share; a format ignores what does not
// apply to it.
type Options struct {
	Cluster string // DOT: group nodes by "community" or "park"; "" for none
	Color   string // node colour by "type" (default) or "community"
	Font    string // DOT/SVG font family; default DefaultFont
	Layout  string // node positions (GEXF, JSON, Cytoscape): "forceatlas2" (default) or "none"
	Seed    uint64 // seed of the layout's starting positions; 0 means 1
}

// Check reports an option value no format understands.
func (o Options) Check() error {
	check := func(name, v string, ok ...string) error {
		for _, x := range ok {
			if v == x {
				return nil
			}
		}
		return fmt.Errorf("unknown %s %q (want %s)", name, v, strings.Join(ok[1:], " or "))
	}
	if err := check("cluster", o.Cluster, "", "community", "park"); err != nil {
		return err
	}
	if err := check("color", o.Color, "", "type", "community"); err != nil {
		return err
	}
	return check("layout", o.Layout, "", "forceatlas2", "none")
}

// DefaultFont is a font family with Chinese glyphs that Graphviz resolves on
// a machine with Debian's fonts-noto-cjk.
const DefaultFont = "Noto Sans CJK SC"

// Format describes one export format.
type Format struct {
	Name string   // short name used with --format: graphml, dot, …
	Exts []string // file name extensions, with the dot: .graphml
	MIME string
	Doc  string // one line: what the format is for
	New  func(w io.Writer, opt Options) Encoder

	// Parts, when set, names the files the format writes side by side (CSV:
	// nodes and edges), and NewParts makes an encoder writing one part to
	// each writer, in the order of Parts. New then writes every part into
	// one stream (for CSV, a zip archive). See WriteFile for the file names.
	Parts    []string
	NewParts func(ws []io.Writer, opt Options) Encoder
}

var (
	mu      sync.RWMutex
	formats = map[string]Format{}
)

// Register adds a format. It panics if the name is already taken or the
// format is incomplete: both are programming errors.
func Register(f Format) {
	mu.Lock()
	defer mu.Unlock()
	if f.Name == "" || f.New == nil || len(f.Exts) == 0 || (len(f.Parts) > 0) != (f.NewParts != nil) {
		panic("export: incomplete format " + f.Name)
	}
	if _, dup := formats[f.Name]; dup {
		panic("export: format registered twice: " + f.Name)
	}
	formats[f.Name] = f
}

// Formats returns every registered format, sorted by name.
func Formats() []Format {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]Format, 0, len(formats))
	for _, f := range formats {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup returns the format with the given name.
func Lookup(name string) (Format, error) {
	mu.RLock()
	f, ok := formats[strings.ToLower(name)]
	mu.RUnlock()
	if !ok {
		return Format{}, fmt.Errorf("unknown export format %q (known: %s)", name, names())
	}
	return f, nil
}

// ForFile returns the format a file name's extension selects; the longest
// matching extension wins.
func ForFile(name string) (Format, error) {
	lower := strings.ToLower(filepath.Base(name))
	var best Format
	bestLen := 0
	for _, f := range Formats() {
		for _, e := range f.Exts {
			if strings.HasSuffix(lower, e) && len(e) > bestLen && len(lower) > len(e) {
				best, bestLen = f, len(e)
			}
		}
	}
	if bestLen == 0 {
		return Format{}, fmt.Errorf("no export format for %q (known: %s); use --format", name, names())
	}
	return best, nil
}

func names() string {
	var ns []string
	for _, f := range Formats() {
		ns = append(ns, f.Name)
	}
	return strings.Join(ns, ", ")
}
