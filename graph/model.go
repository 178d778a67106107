package graph

import (
	"time"

	"github.com/cayleygraph/quad"
)

// Span is a half-open range [Start, End) of character (rune) offsets into a
// document's cleaned text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentence is one sentence of a document's cleaned text.
type Sentence struct {
	Index int    // position in Document.Sentences
	Text  string // the sentence as it appears in the cleaned text
	Span  Span   // where it is in the cleaned text
}

// Entity is a named thing found in one document.
type Entity struct {
	Type     EntityType
	Name     string   // canonical name: the fullest form the article uses
	Aliases  []string // other surface forms in the same article, sorted
	Mentions []Span   // every place a form of the name occurs, in text order
}

// Ref returns the reference to e used by relations.
func (e Entity) Ref() EntityRef { return EntityRef{Type: e.Type, Name: e.Name} }

// EntityRef names an entity by type and canonical name.
type EntityRef struct {
	Type EntityType
	Name string
}

// IRI is the entity's node in the store.
func (r EntityRef) IRI() quad.IRI { return EntityIRI(r.Type, r.Name) }

// Relation is one fact read from one sentence.
type Relation struct {
	Subject   EntityRef
	Predicate Predicate
	Object    EntityRef
	Sentence  int    // index into Document.Sentences of the evidence sentence
	Year      int    // the year the fact refers to, 0 when the text gives none
	Amount    Amount // the sum invested, when the text gives one
}

// Amount is a sum of money as the text writes it and its value in yuan.
type Amount struct {
	Text string  // as written: "2亿元", "3100多万元", "1.2亿美元"
	Yuan float64 // value in the currency's base unit (元, 美元 …); 0 when unknown
}

// IsZero reports whether no amount was given.
func (a Amount) IsZero() bool { return a.Text == "" }

// Document is one article after extraction.
type Document struct {
	ID        string    // file name without extension; unique in a store
	Path      string    // the file it was read from, as given
	Title     string    // first heading or line
	Date      time.Time // publication date when the text gives one, else zero
	Hash      string    // hex SHA-256 of the file's bytes
	Text      string    // cleaned text, the base of all offsets
	Sentences []Sentence
	Entities  []Entity
	Relations []Relation
}

// Evidence returns the text of relation r's sentence.
func (d *Document) Evidence(r Relation) string {
	if r.Sentence < 0 || r.Sentence >= len(d.Sentences) {
		return ""
	}
	return d.Sentences[r.Sentence].Text
}
