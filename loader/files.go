package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions are the file name extensions Walk reads, in lower case.
var Extensions = []string{".txt", ".md", ".html", ".htm"}

// MaxFileSize is the largest file Read accepts.
const MaxFileSize = 64 << 20

// Supported reports whether a file name has an extension Walk reads.
func Supported(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Files expands paths into the article files they name: a file is taken as
// it is (whatever its extension), a folder is walked recursively for files
// with a supported extension, skipping hidden entries. The result is sorted
// within each folder and free of duplicates.
func Files(paths ...string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, cleanPathErr(err))
		}
		if !fi.IsDir() {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && Supported(name) && !seen[path] {
				seen[path] = true
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", p, cleanPathErr(err))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// DocumentID is the id of the document read from a file: its name without
// the extension.
func DocumentID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Source is an article file's raw content.
type Source struct {
	Path  string
	Bytes []byte
}

// Hash is the hex SHA-256 of the raw bytes.
func (s Source) Hash() string {
	h := sha256.Sum256(s.Bytes)
	return hex.EncodeToString(h[:])
}

// ReadSource reads a file, refusing files larger than MaxFileSize.
func ReadSource(path string) (Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return Source{}, fmt.Errorf("read %s: %w", path, cleanPathErr(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return Source{}, fmt.Errorf("read %s: %w", path, cleanPathErr(err))
	}
	if len(b) > MaxFileSize {
		return Source{}, fmt.Errorf("read %s: file is larger than %d MB; split it into articles", path, MaxFileSize>>20)
	}
	return Source{Path: path, Bytes: b}, nil
}
