// Package csv writes a snapshot as two CSV tables, nodes and edges, in the
// shape Gephi's spreadsheet import and Neo4j's LOAD CSV read.
//
// "parkgraph export -o out/graph.csv" writes out/graph.nodes.csv and
// out/graph.edges.csv; any other file name with --format csv (graph.zip)
// gets one zip archive holding nodes.csv and edges.csv, which is also what
// a single stream (an HTTP download) carries.
//
// The nodes table starts with Id and Label, the edges table with Source,
// Target, Type (Directed, or Undirected for partners_with), Id, Label (the
// predicate in Chinese) and Weight (supporting sentences): the columns
// Gephi recognises. Every other export attribute follows as a column of its
// own; lists (aliases, documents) are joined with "; " and evidence
// sentences with " | "; a value a node or edge lacks is an empty cell.
// Files are UTF-8 without a byte-order mark, comma-separated, quoted as RFC
// 4180 says, one record a line.
//
// In Neo4j, with both files in its import folder:
//
//	LOAD CSV WITH HEADERS FROM 'file:///graph.nodes.csv' AS row
//	MERGE (n:Entity {id: row.Id})
//	SET n.name = row.Label, n.type = row.type, n.pagerank = toFloat(row.pagerank),
//	    n.community = toInteger(row.community), n.aliases = split(row.aliases, '; ');
//	LOAD CSV WITH HEADERS FROM 'file:///graph.edges.csv' AS row
//	MATCH (a:Entity {id: row.Source}), (b:Entity {id: row.Target})
//	MERGE (a)-[r:RELATION {predicate: row.predicate}]->(b)
//	SET r.label = row.Label, r.weight = toInteger(row.Weight), r.evidence = row.evidence;
package csv

import (
	"archive/zip"
	"io"
	"strings"
	"time"

	"parkgraph/export"
	"parkgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name:     "csv",
		Exts:     []string{".csv"},
		MIME:     "application/zip",
		Doc:      "nodes and edges tables for Gephi's spreadsheet import and Neo4j LOAD CSV (FILE.nodes.csv, FILE.edges.csv)",
		New:      func(w io.Writer, opt export.Options) export.Encoder { return NewZipEncoder(w, opt) },
		Parts:    []string{"nodes", "edges"},
		NewParts: func(ws []io.Writer, opt export.Options) export.Encoder { return NewEncoder(ws[0], ws[1], opt) },
	})
}

// Encoder writes the nodes and edges tables.
type Encoder struct {
	nodes, edges io.Writer
	zip          io.Writer
	opt          export.Options
}

// NewEncoder returns an encoder writing the nodes table to nodes and the
// edges table to edges.
func NewEncoder(nodes, edges io.Writer, opt export.Options) *Encoder {
	return &Encoder{nodes: nodes, edges: edges, opt: opt}
}

// NewZipEncoder returns an encoder writing one zip archive that holds
// nodes.csv and edges.csv.
func NewZipEncoder(w io.Writer, opt export.Options) *Encoder {
	return &Encoder{zip: w, opt: opt}
}

var _ export.Encoder = (*Encoder)(nil)

// Encode writes both tables.
func (e *Encoder) Encode(s *graph.Snapshot) error {
	cols := export.NewColumns(s, e.opt)
	tables := []func(*export.Writer){
		func(w *export.Writer) { writeNodes(w, s, cols) },
		func(w *export.Writer) { writeEdges(w, s, cols) },
	}
	if e.zip == nil {
		for i, out := range []io.Writer{e.nodes, e.edges} {
			w := export.NewWriter(out)
			tables[i](w)
			if err := w.Flush(); err != nil {
				return err
			}
		}
		return nil
	}
	out := export.NewWriter(e.zip)
	zw := zip.NewWriter(out)
	for i, name := range []string{"nodes.csv", "edges.csv"} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return err
		}
		w := export.NewWriter(fw)
		tables[i](w)
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Flush()
}

// fixedTime stamps the zip entries, so the same graph gives the same bytes.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func writeNodes(w *export.Writer, s *graph.Snapshot, cols *export.Columns) {
	w.WriteString("Id,Label")
	for _, a := range cols.Node {
		if a.Name != "label" {
			w.WriteByte(',')
			field(w, a.Name)
		}
	}
	w.WriteString("\r\n")
	for i := range s.Nodes {
		n := &s.Nodes[i]
		field(w, string(n.IRI))
		w.WriteByte(',')
		field(w, n.Name)
		for j, a := range cols.Node {
			if a.Name == "label" {
				continue
			}
			w.WriteByte(',')
			value(w, a, cols.NodeValue(n, j))
		}
		w.WriteString("\r\n")
	}
}

func writeEdges(w *export.Writer, s *graph.Snapshot, cols *export.Columns) {
	w.WriteString("Source,Target,Type,Id,Label,Weight")
	for _, a := range cols.Edge {
		if a.Name != "label" && a.Name != "weight" {
			w.WriteByte(',')
			field(w, a.Name)
		}
	}
	w.WriteString("\r\n")
	for i := range s.Edges {
		ed := &s.Edges[i]
		field(w, string(ed.Subject))
		w.WriteByte(',')
		field(w, string(ed.Object))
		if ed.Predicate.Symmetric() {
			w.WriteString(",Undirected,e")
		} else {
			w.WriteString(",Directed,e")
		}
		w.Int(int64(i))
		w.WriteByte(',')
		field(w, ed.Predicate.Label())
		w.WriteByte(',')
		w.Int(int64(ed.Weight()))
		for j, a := range cols.Edge {
			if a.Name == "label" || a.Name == "weight" {
				continue
			}
			w.WriteByte(',')
			value(w, a, cols.EdgeValue(ed, j))
		}
		w.WriteString("\r\n")
	}
}

func value(w *export.Writer, a export.Attr, v export.Value) {
	if !v.Set {
		return
	}
	switch a.Type {
	case export.Int:
		w.Int(int64(v.Num))
	case export.Double:
		w.Float(v.Num)
	case export.List:
		sep := a.Sep
		if strings.ContainsAny(sep, "\r\n") {
			sep = " | "
		}
		field(w, strings.Join(v.List, sep))
	default:
		field(w, v.Text(a))
	}
}

// field writes one cleaned field, quoted when it holds a comma, a quote or
// a line break or starts or ends with a space; line breaks inside a value
// become spaces, so every record is one line.
func field(w *export.Writer, s string) {
	s = export.Clean(s)
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	if s == "" || !strings.ContainsAny(s, ",\"") && s[0] != ' ' && s[len(s)-1] != ' ' && s[0] != '\t' && s[len(s)-1] != '\t' {
		w.WriteString(s)
		return
	}
	w.WriteByte('"')
	w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	w.WriteByte('"')
}
