// Package graph is parkgraph's domain model and its vocabulary in Cayley.
//
// The domain is six entity types (Park, Enterprise, Institution, Honor,
// Investor, Project) and eight predicates (located_in, part_of, awarded,
// issued_by, invests_in, partners_with, builds, listed_on), as defined by the
// annotation guideline. An extracted article is a Document: its cleaned text,
// its sentences, the entities named in it and the relations between them, each
// relation pointing at the sentence it was read from.
//
// # IRI scheme
//
// Every node and predicate in the store is an IRI in the "pg:" scheme, short
// enough to type into the Cayley web UI:
//
//	pg:park/新余高新区                  an entity: pg:<lower-case type>/<canonical name>
//	pg:enterprise/江西赣锋锂业集团股份有限公司
//	pg:doc/000_50c721a1e63a8171          a source document: pg:doc/<document id>
//	pg:doc/000_50c721a1e63a8171#s12      sentence 12 of that document
//	pg:stmt/<hash>                       a relation with attributes (year, amount)
//	pg:Park, pg:Enterprise, …            entity and node classes (objects of pg:type)
//	pg:located_in, pg:name, …            predicates
//
// Entity IRIs are derived from the type and the canonical name after NFKC
// normalisation (so full- and half-width forms of one name give one IRI);
// characters that may not appear in an N-Quads IRI are percent-encoded. The
// same text therefore always yields the same quads, on any machine.
//
// # Quads and labels
//
// Every quad read from text carries as its label the IRI of the sentence it
// came from: the relation itself, the entity's name, type and aliases, the
// statement node of a relation with a year or amount. Sentence and document
// nodes (their text, file, title and hash) are labelled with the document IRI.
// Removing a document therefore means removing every quad labelled with the
// document or one of its sentences; whatever another document also states
// stays, because it is a separate quad under that document's label.
//
// See Vocabulary for the complete table of predicates and classes.
package graph
