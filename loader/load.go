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
	switch ext := strings.ToLower(filepath.Ext(src.Path)); {
	case ext == ".html" || ext == ".htm", looksLikeHTML(text):
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

// looksLikeHTML reports whether text is a saved web page whatever its file
// name says: it opens, after blank space and comments, with a doctype or an
// html or head element.
func looksLikeHTML(text string) bool {
	s := strings.TrimLeft(text, " \t\r\n\ufeff")
	for strings.HasPrefix(s, "<!--") {
		end := strings.Index(s, "-->")
		if end < 0 {
			return false
		}
		s = strings.TrimLeft(s[end+3:], " \t\r\n")
	}
	if len(s) > 16 {
		s = s[:16]
	}
	s = strings.ToLower(s)
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html") || strings.HasPrefix(s, "<head")
}

// Load reads, decodes, cleans and splits one file.
func Load(path string) (*graph.Document, error) {
	src, err := ReadSource(path)
	if err != nil {
		return nil, err
	}
	return Prepare(src)
}
