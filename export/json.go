package export

import "parkgraph/graph"

// WriteGraphInfo writes, for the JSON formats, the graph-level object: name, counts, the
// documents (id, title, file, date) and the communities (id, name, size).
func WriteGraphInfo(w *Writer, s *graph.Snapshot) {
	w.WriteString(`{"name":"parkgraph","nodes":`)
	w.Int(int64(len(s.Nodes)))
	w.WriteString(`,"edges":`)
	w.Int(int64(len(s.Edges)))
	w.WriteString(`,"documents":[`)
	for i, d := range s.Documents {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(`{"id":`)
		w.JSONString(d.ID)
		if d.Title != "" {
			w.WriteString(`,"title":`)
			w.JSONString(d.Title)
		}
		w.WriteString(`,"file":`)
		w.JSONString(d.File)
		if !d.Date.IsZero() {
			w.WriteString(`,"date":`)
			w.JSONString(d.Date.UTC().Format("2006-01-02"))
		}
		w.WriteByte('}')
	}
	w.WriteString(`],"communities":[`)
	for i, c := range s.Communities {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(`{"id":`)
		w.Int(int64(c.ID))
		w.WriteString(`,"name":`)
		w.JSONString(c.Name)
		w.WriteString(`,"size":`)
		w.Int(int64(c.Size))
		w.WriteByte('}')
	}
	w.WriteString("]}")
}
