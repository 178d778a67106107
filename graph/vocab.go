package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"
)

// Prefix starts every IRI parkgraph writes.
const Prefix = "pg:"

// Classes: objects of PredType.
const (
	ClassDocument quad.IRI = "pg:Document"
	ClassSentence quad.IRI = "pg:Sentence"
	ClassStmt     quad.IRI = "pg:Statement"
	ClassRun      quad.IRI = "pg:AnalysisRun"
)

// Predicates that describe nodes rather than relate entities.
const (
	PredType          quad.IRI = "pg:type"           // node → class (pg:Park, pg:Document, …)
	PredName          quad.IRI = "pg:name"           // entity → canonical name (string)
	PredAlias         quad.IRI = "pg:alias"          // entity → another surface form (string)
	PredMentionedIn   quad.IRI = "pg:mentioned_in"   // entity → document that names it
	PredText          quad.IRI = "pg:text"           // sentence → its text (string)
	PredInDoc         quad.IRI = "pg:doc"            // sentence → its document
	PredIndex         quad.IRI = "pg:index"          // sentence → position in the document (int)
	PredFile          quad.IRI = "pg:file"           // document → file path it was read from
	PredTitle         quad.IRI = "pg:title"          // document → title
	PredHash          quad.IRI = "pg:hash"           // document → hex SHA-256 of the file
	PredIngested      quad.IRI = "pg:ingested"       // document → time it was stored (RFC 3339)
	PredDate          quad.IRI = "pg:date"           // document → publication date, when known
	PredSubject       quad.IRI = "pg:subject"        // statement → subject entity
	PredPredicate     quad.IRI = "pg:predicate"      // statement → relation predicate IRI
	PredObject        quad.IRI = "pg:object"         // statement → object entity
	PredYear          quad.IRI = "pg:year"           // statement → year (int)
	PredAmount        quad.IRI = "pg:amount"         // statement → amount as written (string)
	PredAmountYuan    quad.IRI = "pg:amount_yuan"    // statement → amount in base currency units (float)
	PredCommunityName quad.IRI = "pg:community_name" // entity → name of its community, written by analysis
	PredCanonical     quad.IRI = "pg:canonical"      // entity → the entity it is merged into (entity resolution)
	PredRules         quad.IRI = "pg:rules"          // pg:resolution → the aliases rules in force (string)
)

// ResolutionLabel labels the quads entity resolution writes; it is also the
// subject of PredRules.
const ResolutionLabel quad.IRI = "pg:resolution"

// VocabEntry documents one IRI of the vocabulary.
type VocabEntry struct {
	IRI  quad.IRI
	Kind string // "class", "relation", "attribute", "provenance", "analysis", "resolution"
	Doc  string
}

// Vocabulary is the complete table of IRIs parkgraph writes, in the order the
// README shows it. Analysis measures (pg:pagerank, …) are listed in Measures.
func Vocabulary() []VocabEntry {
	v := []VocabEntry{}
	for _, t := range EntityTypes {
		v = append(v, VocabEntry{ClassIRI(t), "class", "entity type " + string(t) + " (" + t.Label() + ")"})
	}
	v = append(v,
		VocabEntry{ClassDocument, "class", "a source article"},
		VocabEntry{ClassSentence, "class", "a sentence used as evidence"},
		VocabEntry{ClassStmt, "class", "a relation that carries a year or an amount"},
		VocabEntry{ClassRun, "class", "one analysis run (its parts label its result quads)"},
	)
	v = append(v, runVocabulary()...)
	for _, p := range Predicates {
		v = append(v, VocabEntry{PredicateIRI(p), "relation", p.Label() + ": " + predicateDocs[p]})
	}
	v = append(v,
		VocabEntry{PredType, "attribute", "node → class"},
		VocabEntry{PredName, "attribute", "entity → canonical name"},
		VocabEntry{PredAlias, "attribute", "entity → other surface form"},
		VocabEntry{PredMentionedIn, "provenance", "entity → document that names it"},
		VocabEntry{PredText, "provenance", "sentence → text"},
		VocabEntry{PredInDoc, "provenance", "sentence → document"},
		VocabEntry{PredIndex, "provenance", "sentence → position in its document"},
		VocabEntry{PredFile, "provenance", "document → file path"},
		VocabEntry{PredTitle, "provenance", "document → title"},
		VocabEntry{PredHash, "provenance", "document → SHA-256 of the file"},
		VocabEntry{PredIngested, "provenance", "document → time stored"},
		VocabEntry{PredDate, "provenance", "document → publication date"},
		VocabEntry{PredSubject, "attribute", "statement → subject entity"},
		VocabEntry{PredPredicate, "attribute", "statement → relation IRI"},
		VocabEntry{PredObject, "attribute", "statement → object entity"},
		VocabEntry{PredYear, "attribute", "statement → year"},
		VocabEntry{PredAmount, "attribute", "statement → amount as written"},
		VocabEntry{PredAmountYuan, "attribute", "statement → amount in base units"},
	)
	for _, m := range Measures {
		v = append(v, VocabEntry{m.IRI(), "analysis", m.Doc})
	}
	v = append(v, VocabEntry{PredCommunityName, "analysis", "entity → name of its community (its most central member)"})
	v = append(v,
		VocabEntry{PredCanonical, "resolution", "entity → the entity another document's name for it is merged into"},
		VocabEntry{PredRules, "resolution", "pg:resolution → the aliases rules in force"},
		VocabEntry{ResolutionLabel, "resolution", "label of the resolution quads"},
	)
	return v
}

var predicateDocs = map[Predicate]string{
	LocatedIn:    "organisation or project → the most specific park it is in",
	PartOf:       "sub-park → park",
	Awarded:      "holder → honour",
	IssuedBy:     "honour → issuing body",
	InvestsIn:    "investor → what it funds",
	PartnersWith: "organisation ↔ organisation (symmetric, stored once)",
	Builds:       "builder → project, centre, institute or park",
	ListedOn:     "enterprise → exchange",
}

// ClassIRI is the class of an entity type: pg:Park, pg:Enterprise, …
func ClassIRI(t EntityType) quad.IRI { return quad.IRI(Prefix + string(t)) }

// PredicateIRI is the IRI of a relation predicate: pg:located_in, …
func PredicateIRI(p Predicate) quad.IRI { return quad.IRI(Prefix + string(p)) }

// IRI is the predicate's IRI in the store: pg:located_in, …
func (p Predicate) IRI() quad.IRI { return PredicateIRI(p) }

// PredicateOf returns the relation predicate an IRI names, if any.
func PredicateOf(iri quad.IRI) (Predicate, bool) {
	s := strings.TrimPrefix(string(iri), Prefix)
	p := Predicate(s)
	return p, len(s) < len(iri) && p.Valid()
}

// EntityTypeOf returns the entity type a class IRI names, if any.
func EntityTypeOf(class quad.IRI) (EntityType, bool) {
	s := strings.TrimPrefix(string(class), Prefix)
	t := EntityType(s)
	return t, len(s) < len(class) && t.Valid()
}

// NormalizeName is the form of a name used for identity: NFKC, without
// spaces. Names that differ only in width (（ vs ( ) or spacing are one name.
func NormalizeName(name string) string {
	if plainName(name) {
		return name
	}
	s := norm.NFKC.String(name)
	if strings.IndexFunc(s, isSpace) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainName reports whether a name is already normal: only CJK unified
// ideographs of the basic block and printable ASCII other than the space,
// all of which NFKC leaves as they are. Most names are.
func plainName(name string) bool {
	// Read as bytes: U+4E00 to U+9FFF are E4 B8-BF xx and E5-E9 xx xx, xx
	// a continuation byte, and nothing else holds such bytes in a row.
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		if i+2 >= len(name) || name[i+1]&0xC0 != 0x80 || name[i+2]&0xC0 != 0x80 ||
			!(c == 0xE4 && name[i+1] >= 0xB8 || c >= 0xE5 && c <= 0xE9) {
			return false
		}
		i += 3
	}
	return true
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
}

// EntityIRI is the stable IRI of an entity: pg:<type slug>/<normalised name>.
func EntityIRI(t EntityType, name string) quad.IRI {
	return quad.IRI(Prefix + t.Slug() + "/" + escapeIRI(NormalizeName(name)))
}

// DocumentIRI is the IRI of a source document.
func DocumentIRI(id string) quad.IRI { return quad.IRI(Prefix + "doc/" + escapeIRI(id)) }

// SentenceIRI is the IRI of sentence i of a document.
func SentenceIRI(docID string, i int) quad.IRI {
	return quad.IRI(string(DocumentIRI(docID)) + "#s" + strconv.Itoa(i))
}

// StatementIRI is the IRI of the statement node that carries a relation's
// year and amount; it is unique per relation and sentence.
func StatementIRI(s quad.IRI, p Predicate, o quad.IRI, sentence quad.IRI) quad.IRI {
	h := sha256.Sum256([]byte(string(s) + "\x00" + string(p) + "\x00" + string(o) + "\x00" + string(sentence)))
	return quad.IRI(Prefix + "stmt/" + hex.EncodeToString(h[:10]))
}

// DocumentIDOf returns the document id of a document or sentence IRI.
func DocumentIDOf(iri quad.IRI) (string, bool) {
	s, ok := strings.CutPrefix(string(iri), Prefix+"doc/")
	if !ok {
		return "", false
	}
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return unescapeIRI(s), true
}

// escapeIRI percent-encodes the characters N-Quads forbids in an IRI
// (controls, space, <>"{}|^`\) and '%' itself, so that the escaping can be undone.
func escapeIRI(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		if iriUnsafe(s[i]) {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	const hexdig = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if iriUnsafe(c) {
			b.WriteByte('%')
			b.WriteByte(hexdig[c>>4])
			b.WriteByte(hexdig[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func iriUnsafe(c byte) bool {
	return c <= 0x20 || c == 0x7f || strings.IndexByte("<>\"{}|^`\\%#", c) >= 0
}

func unescapeIRI(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
