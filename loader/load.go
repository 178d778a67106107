package loader

import (
	"fmt"
	"path/filepath"
	"strings"

	"parkgraph/graph"
)

// Prepare decodes and cleans a source and splits it into sentences. The
// document it returns has no entities yet.
func Prepare(src Source) (*graph.Document, error) {
	text, _, _, err := Decode(src.Bytes)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src.Path, err)
	}
	switch strings.ToLower(filepath.Ext(src.Path)) {
	case ".html", ".htm":
		text = HTMLText(text)
	}
	clean, title := Clean(text)
	if strings.TrimSpace(clean) == "" {
		return nil, fmt.Errorf("read %s: %w (no article text after cleaning)", src.Path, ErrEmpty)
	}
	return &graph.Document{
		ID:        DocumentID(src.Path),
		Path:      src.Path,
		Title:     title,
		Hash:      src.Hash(),
		Text:      clean,
		Sentences: Sentences(clean),
	}, nil
}

// Load reads, decodes, cleans and splits one file.
func Load(path string) (*graph.Document, error) {
	src, err := ReadSource(path)
	if err != nil {
		return nil, err
	}
	return Prepare(src)
}
