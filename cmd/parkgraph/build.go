package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"parkgraph/export"
	_ "parkgraph/export/all"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/resolve"
	"parkgraph/graph/store"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

func init() {
	register(command{name: "build", summary: "read articles into the store, analyse the graph and write exports", run: runBuild})
}

// buildOptions are the settings of one build.
type buildOptions struct {
	DB      string
	Out     string
	Formats []string
	Paths   []string
	Aliases string // aliases rules file; "" keeps the stored rules
	Batch   int    // documents per store transaction
	Workers int    // files read and extracted at once
}

// buildMemoryLimit is the soft limit on the memory the Go runtime holds
// after ingest (see runtime/debug.SetMemoryLimit). The graph of 100,000
// generated articles needs about 700 MB at its peak; the rest of a 2 GB
// budget is for the store's mapped pages and the program itself. A larger
// graph is not refused: past the limit the collector runs more often.
// analyze and export, which also hold the whole graph, use it too.
const buildMemoryLimit = 1 << 30

// ingestMemoryLimit is the soft limit on the Go runtime's memory while
// documents are read and written; a batch needs tens of megabytes beside
// Cayley's filters.
const ingestMemoryLimit = 800 << 20

// releaseInterval is how often a build hands the store's mapped pages back
// (see store.ReleasePagesEvery).
const releaseInterval = 100 * time.Millisecond

// defaultBatch is how many documents go into one store transaction.
const defaultBatch = 200

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", stderr)
	var o buildOptions
	fs.StringVar(&o.DB, "db", store.DefaultDSN, store.DSNHelp)
	fs.StringVar(&o.Out, "out", "out", "folder for the exports")
	formats := fs.String("formats", "graphml,gexf,dot", "exports to write, comma-separated (\"\" for none)")
	fs.StringVar(&o.Aliases, "aliases", "", "aliases file with merge:/split: rules for entity resolution (kept in the store for later builds)")
	fs.IntVar(&o.Batch, "batch", defaultBatch, "documents written per transaction")
	fs.IntVar(&o.Workers, "workers", runtime.NumCPU(), "files read and extracted in parallel")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph build [--db DSN] [--out DIR] [--aliases FILE] PATH...")
		fs.PrintDefaults()
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("no articles given; usage: parkgraph build [--db DSN] [--out DIR] PATH...")
	}
	if o.Batch < 1 || o.Workers < 1 {
		return usagef("--batch and --workers must be at least 1")
	}
	o.Paths = paths
	for _, f := range strings.Split(*formats, ",") {
		if f = strings.TrimSpace(f); f != "" {
			o.Formats = append(o.Formats, f)
		}
	}
	return build(ctx, o, stdout, stderr)
}

// ingestStats counts what a build did with its files.
type ingestStats struct {
	files, added, changed, unchanged, failed int
	quadsAdded, quadsRemoved                 int
}

func build(ctx context.Context, o buildOptions, stdout, stderr io.Writer) error {
	for _, f := range o.Formats {
		if _, err := export.Lookup(f); err != nil {
			return usageError{err.Error()}
		}
	}
	var rules *resolve.Rules
	if o.Aliases != "" {
		var err error
		if rules, err = readRules(o.Aliases); err != nil {
			return err
		}
	}
	files, err := loader.Files(o.Paths...)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no article files (%s) under %s", strings.Join(loader.Extensions, ", "), strings.Join(o.Paths, ", "))
	}
	x, err := extract.Default()
	if err != nil {
		return err
	}
	st, err := store.Open(o.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	// A soft limit makes the collector work harder rather than let the
	// heap grow to twice what the graph needs; it is never an error.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(buildMemoryLimit))
	// Reads and writes bring the store's file into memory page by page;
	// handing the pages back to the page cache keeps the build's memory to
	// what it holds itself.
	defer st.ReleasePagesEvery(releaseInterval)()

	n, err := ingest(ctx, st, x, files, o, stderr)
	if err != nil {
		return err
	}
	// Cayley keeps the filters that sped up ingest for as long as the store
	// is open; what ingest allocated is garbage now. Both go back before the
	// phases that hold the whole graph.
	if err := st.Reopen(); err != nil {
		return err
	}
	debug.FreeOSMemory()
	if _, err := st.Resolve(ctx, rules); err != nil {
		return err
	}
	snap, err := st.Snapshot(ctx)
	if err != nil {
		return err
	}
	opt := analysis.DefaultOptions()
	rep := analysis.Analyze(snap, opt)
	if _, err := st.WriteAnalysis(ctx, snap, store.AnalysisRun{Modularity: rep.Modularity, Resolution: opt.Resolution, Seed: opt.Seed}); err != nil {
		return err
	}
	quads, _ := st.Stats(ctx)

	fmt.Fprintf(stdout, "read %d files: %d new, %d changed, %d unchanged, %d skipped (%d quads added, %d removed)\n",
		n.files, n.added, n.changed, n.unchanged, n.failed, n.quadsAdded, n.quadsRemoved)
	fmt.Fprintf(stdout, "store %s: %d quads, %d documents\n", o.DB, quads, len(snap.Documents))
	printSummary(stdout, snap, rep)

	if len(o.Formats) > 0 {
		if err := os.MkdirAll(o.Out, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", o.Out, err)
		}
		var wrote []string
		for _, name := range o.Formats {
			f, _ := export.Lookup(name)
			paths, err := export.WriteFile(filepath.Join(o.Out, "graph"+f.Exts[0]), f, snap, export.Options{})
			if err != nil {
				return err
			}
			wrote = append(wrote, paths...)
		}
		fmt.Fprintf(stdout, "wrote %s\n", strings.Join(wrote, ", "))
	}
	if n.failed > 0 {
		return fmt.Errorf("%d of %d files were skipped (see above)", n.failed, len(files))
	}
	return nil
}

func readRules(path string) (*resolve.Rules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("aliases file: %w", err)
	}
	defer f.Close()
	return resolve.ParseRules(f, path)
}

// ingest reads, extracts and stores files. Workers read and extract in
// parallel; documents are written in file order, o.Batch to a transaction,
// and at most two batches are in memory at once, whatever the number of
// files.
func ingest(ctx context.Context, st *store.Store, x *extract.Extractor, files []string, o buildOptions, stderr io.Writer) (ingestStats, error) {
	n := ingestStats{files: len(files)}
	var totalBytes int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			totalBytes += fi.Size()
		}
	}
	if err := st.SetBulk(true); err != nil {
		return n, err
	}
	defer st.SetBulk(false)
	// Bulk ingest allocates many short-lived values; collecting less often
	// saves time. But most of what stays live is Cayley's bloom filters
	// (370 MB on a new store, pointer-free, which costs the collector
	// nothing to mark), so a percentage of the live heap would let garbage
	// pile up to as much again: a limit bounds it instead.
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestMemoryLimit))

	pipe := startExtraction(ctx, x, files, o.Workers, 2*o.Batch)
	defer pipe.stop()

	prog := newProgress(stderr, "build", "files", int64(len(files)), totalBytes)
	var done, bytes int64
	batch := make([]*graph.Document, 0, o.Batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := st.PutBatch(ctx, batch)
		if err != nil {
			return err
		}
		// The pages a batch touched stay in the page cache, not in the
		// process: memory follows the batch, not the size of the store.
		if err := st.ReleasePages(); err != nil {
			return err
		}
		for _, r := range res {
			switch {
			case r.Unchanged:
				n.unchanged++
			case r.Replaced:
				n.changed++
			default:
				n.added++
			}
			n.quadsAdded += r.Added
			n.quadsRemoved += r.Removed
		}
		for range batch {
			pipe.release()
		}
		batch = batch[:0]
		return nil
	}
	for i := range files {
		r, err := pipe.result(ctx, i)
		if err != nil {
			return n, err
		}
		done++
		bytes += r.size
		if r.err != nil {
			prog.interrupt()
			fmt.Fprintf(stderr, "parkgraph build: skipped: %s\n", oneLine(r.err.Error()))
			n.failed++
			pipe.release()
		} else {
			batch = append(batch, r.doc)
			if len(batch) == o.Batch {
				if err := flush(); err != nil {
					return n, err
				}
			}
		}
		prog.update(done, bytes)
	}
	if err := flush(); err != nil {
		return n, err
	}
	prog.finish(done, bytes)
	return n, nil
}

func printSummary(w io.Writer, s *graph.Snapshot, rep *analysis.Report) {
	byType := s.CountByType()
	var parts []string
	for _, t := range graph.EntityTypes {
		parts = append(parts, fmt.Sprintf("%s %d", t, byType[t]))
	}
	fmt.Fprintf(w, "entities: %d (%s)\n", len(s.Nodes), strings.Join(parts, ", "))
	byPred := s.CountByPredicate()
	parts = parts[:0]
	for _, p := range graph.Predicates {
		parts = append(parts, fmt.Sprintf("%s %d", p, byPred[p]))
	}
	fmt.Fprintf(w, "relations: %d (%s)\n", len(s.Edges), strings.Join(parts, ", "))
	fmt.Fprintln(w, "top 10 by PageRank:")
	for rank, i := range analysis.Top(s, "pagerank", 10) {
		n := &s.Nodes[i]
		pr, _ := n.Metric("pagerank")
		fmt.Fprintf(w, "  %2d. %-6.4f %s (%s)\n", rank+1, pr, n.Name, n.Type.Label())
	}
	fmt.Fprintf(w, "communities: %d (modularity %.3f)\n", len(rep.Communities), rep.Modularity)
}
