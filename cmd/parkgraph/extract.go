package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"

	"parkgraph/graph"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

func init() {
	register(command{name: "extract", summary: "print the entities and relations found in articles", run: runExtract})
}

// jsonDoc is the shape score.py reads.
type jsonDoc struct {
	Doc       string         `json:"doc"`
	Title     string         `json:"title,omitempty"`
	Entities  []jsonEntity   `json:"entities"`
	Relations []jsonRelation `json:"relations"`
}

type jsonEntity struct {
	Type     graph.EntityType `json:"type"`
	Name     string           `json:"name"`
	Aliases  []string         `json:"aliases,omitempty"`
	Mentions [][2]int         `json:"mentions"`
}

type jsonRelation struct {
	Subject   string          `json:"subject"`
	Predicate graph.Predicate `json:"predicate"`
	Object    string          `json:"object"`
	Evidence  string          `json:"evidence"`
	Year      int             `json:"year,omitempty"`
	Amount    string          `json:"amount,omitempty"`
}

func toJSON(d *graph.Document) jsonDoc {
	out := jsonDoc{Doc: d.ID, Title: d.Title, Entities: []jsonEntity{}, Relations: []jsonRelation{}}
	for _, e := range d.Entities {
		je := jsonEntity{Type: e.Type, Name: e.Name, Aliases: e.Aliases, Mentions: [][2]int{}}
		for _, m := range e.Mentions {
			je.Mentions = append(je.Mentions, [2]int{m.Start, m.End})
		}
		out.Entities = append(out.Entities, je)
	}
	for _, r := range d.Relations {
		out.Relations = append(out.Relations, jsonRelation{
			Subject: r.Subject.Name, Predicate: r.Predicate, Object: r.Object.Name,
			Evidence: d.Evidence(r), Year: r.Year, Amount: r.Amount.Text,
		})
	}
	return out
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON document per file (the shape score.py reads)")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	workers := fs.Int("workers", runtime.NumCPU(), "files read and extracted in parallel (the output keeps the files' order)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph extract [--json] [--pretty] [--workers N] FILE|DIR...")
		fs.PrintDefaults()
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("no files given; usage: parkgraph extract --json FILE...")
	}
	if *workers < 1 {
		return usagef("--workers must be at least 1")
	}
	x, err := extract.Default()
	if err != nil {
		return err
	}
	files, err := loader.Files(paths...)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	// Workers run ahead of the output by a few files, so a folder of any
	// size takes memory for those only.
	pipe := startExtraction(ctx, x, files, *workers, 4**workers)
	defer pipe.stop()
	failed := 0
	for i := range files {
		r, err := pipe.result(ctx, i)
		if err != nil {
			return err
		}
		pipe.release()
		if r.err != nil {
			fmt.Fprintf(stderr, "parkgraph extract: %s\n", oneLine(r.err.Error()))
			failed++
			continue
		}
		if *asJSON {
			if err := enc.Encode(toJSON(r.doc)); err != nil {
				return err
			}
			continue
		}
		printDocument(stdout, r.doc)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read", failed, len(files))
	}
	return nil
}

func printDocument(w io.Writer, d *graph.Document) {
	fmt.Fprintf(w, "== %s  %s\n", d.ID, d.Title)
	for _, e := range d.Entities {
		fmt.Fprintf(w, "  %-11s %s", e.Type, e.Name)
		if len(e.Aliases) > 0 {
			fmt.Fprintf(w, "  (%v)", e.Aliases)
		}
		fmt.Fprintln(w)
	}
	for _, r := range d.Relations {
		fmt.Fprintf(w, "  %s —%s→ %s\n", r.Subject.Name, r.Predicate, r.Object.Name)
	}
}
