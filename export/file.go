package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parkgraph/graph"
)

// Paths returns the files WriteFile writes for path in format f. A format
// with Parts writes one file per part when path ends in one of its
// extensions: FILE.csv gives FILE.nodes.csv and FILE.edges.csv. Any other
// path (FILE.zip with --format csv) gets the single stream New writes.
func Paths(path string, f Format) []string {
	if len(f.Parts) == 0 {
		return []string{path}
	}
	lower := strings.ToLower(path)
	for _, ext := range f.Exts {
		if strings.HasSuffix(lower, ext) {
			stem := path[:len(path)-len(ext)]
			out := make([]string, len(f.Parts))
			for i, p := range f.Parts {
				out[i] = stem + "." + p + path[len(path)-len(ext):]
			}
			return out
		}
	}
	return []string{path}
}

// WriteFile writes s to path in format f (to several files for a format
// with parts, see Paths) and returns the files written. Each file is
// written under a temporary name and renamed when everything succeeded, so
// a failed or interrupted export never leaves half a file under the real
// name.
func WriteFile(path string, f Format, s *graph.Snapshot, opt Options) ([]string, error) {
	paths := Paths(path, f)
	tmps := make([]*os.File, 0, len(paths))
	cleanup := func() {
		for _, t := range tmps {
			t.Close()
			os.Remove(t.Name())
		}
	}
	for _, p := range paths {
		t, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*")
		if err != nil {
			cleanup()
			return nil, fmt.Errorf("write %s: %w", p, err)
		}
		tmps = append(tmps, t)
	}
	var enc Encoder
	if len(paths) > 1 {
		ws := make([]io.Writer, len(tmps))
		for i, t := range tmps {
			ws[i] = t
		}
		enc = f.NewParts(ws, opt)
	} else {
		enc = f.New(tmps[0], opt)
	}
	if err := enc.Encode(s); err != nil {
		cleanup()
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	for i, t := range tmps {
		if err := t.Close(); err != nil {
			cleanup()
			return nil, fmt.Errorf("write %s: %w", paths[i], err)
		}
	}
	for i, t := range tmps {
		if err := os.Rename(t.Name(), paths[i]); err != nil {
			cleanup()
			return nil, fmt.Errorf("write %s: %w", paths[i], err)
		}
	}
	return paths, nil
}
