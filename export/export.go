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
}

// DefaultFont is a font family with Chinese glyphs that Graphviz resolves on
// a machine with Debian's fonts-noto-cjk.
const DefaultFont = "Noto Sans CJK SC"

// Format describes one export format.
type Format struct {
	Name string   // short name used with --format: graphml, dot, …
	Exts []string // file name extensions, with the dot: .graphml
	MIME string
	New  func(w io.Writer, opt Options) Encoder
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
	if f.Name == "" || f.New == nil || len(f.Exts) == 0 {
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

// ForFile returns the format a file name's extension selects.
func ForFile(name string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range Formats() {
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
	}
	return Format{}, fmt.Errorf("no export format for %q (known: %s); use --format", name, names())
}

func names() string {
	var ns []string
	for _, f := range Formats() {
		ns = append(ns, f.Name)
	}
	return strings.Join(ns, ", ")
}
