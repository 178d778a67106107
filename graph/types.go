package graph

import (
	"fmt"
	"strings"
)

// EntityType is the kind of a named thing in park news.
type EntityType string

// The six entity types of the annotation guideline.
const (
	Park        EntityType = "Park"        // a development zone, park, sub-park or demonstration area
	Enterprise  EntityType = "Enterprise"  // a company
	Institution EntityType = "Institution" // a government body, university, institute, laboratory, exchange, platform
	Honor       EntityType = "Honor"       // a conferred title, list, certification or award
	Investor    EntityType = "Investor"    // a fund or an organisation whose business is investing
	Project     EntityType = "Project"     // a named investment or construction project
)

// EntityTypes lists every entity type in a fixed order.
var EntityTypes = []EntityType{Park, Enterprise, Institution, Honor, Investor, Project}

var entityTypeInfo = map[EntityType]struct {
	label string // Chinese name of the type
	slug  string // IRI path segment
}{
	Park:        {"园区", "park"},
	Enterprise:  {"企业", "enterprise"},
	Institution: {"机构", "institution"},
	Honor:       {"荣誉", "honor"},
	Investor:    {"投资方", "investor"},
	Project:     {"项目", "project"},
}

// Valid reports whether t is one of the six entity types.
func (t EntityType) Valid() bool { _, ok := entityTypeInfo[t]; return ok }

// Label is the Chinese name of the type (园区, 企业, …).
func (t EntityType) Label() string { return entityTypeInfo[t].label }

// Slug is the lower-case path segment used in entity IRIs (park, enterprise, …).
func (t EntityType) Slug() string { return entityTypeInfo[t].slug }

// ParseEntityType accepts a type name in any case ("park", "Park") or its
// Chinese label ("园区").
func ParseEntityType(s string) (EntityType, error) {
	for _, t := range EntityTypes {
		if strings.EqualFold(s, string(t)) || s == t.Label() {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown entity type %q (want one of Park, Enterprise, Institution, Honor, Investor, Project)", s)
}

// Predicate is the kind of a relation between two entities.
type Predicate string

// The eight predicates of the annotation guideline.
const (
	LocatedIn    Predicate = "located_in"    // Enterprise, Institution, Project, Investor → Park
	PartOf       Predicate = "part_of"       // Park → Park
	Awarded      Predicate = "awarded"       // Enterprise, Park, Institution → Honor
	IssuedBy     Predicate = "issued_by"     // Honor → Institution
	InvestsIn    Predicate = "invests_in"    // Investor, Enterprise, Park, Institution → Enterprise, Investor, Project, Park
	PartnersWith Predicate = "partners_with" // any organisation ↔ any organisation (symmetric)
	Builds       Predicate = "builds"        // Enterprise, Institution, Park, Investor → Project, Institution, Park
	ListedOn     Predicate = "listed_on"     // Enterprise → Institution (an exchange)
)

// Predicates lists every predicate in a fixed order.
var Predicates = []Predicate{LocatedIn, PartOf, Awarded, IssuedBy, InvestsIn, PartnersWith, Builds, ListedOn}

var predicateLabels = map[Predicate]string{
	LocatedIn:    "位于",
	PartOf:       "隶属",
	Awarded:      "获评",
	IssuedBy:     "发布",
	InvestsIn:    "投资",
	PartnersWith: "合作",
	Builds:       "建设",
	ListedOn:     "上市",
}

// Valid reports whether p is one of the eight predicates.
func (p Predicate) Valid() bool { _, ok := predicateLabels[p]; return ok }

// Label is the Chinese label of the predicate (位于, 隶属, 获评, …), used on
// diagram edges.
func (p Predicate) Label() string {
	if l, ok := predicateLabels[p]; ok {
		return l
	}
	return projectionLabels[p]
}

// Symmetric reports whether (a p b) means the same as (b p a).
func (p Predicate) Symmetric() bool { return p == PartnersWith || p.Projected() }

// ParsePredicate accepts a predicate name ("located_in") or its Chinese label ("位于").
func ParsePredicate(s string) (Predicate, error) {
	for _, p := range Predicates {
		if strings.EqualFold(s, string(p)) || s == p.Label() {
			return p, nil
		}
	}
	return "", fmt.Errorf("unknown predicate %q (want one of located_in, part_of, awarded, issued_by, invests_in, partners_with, builds, listed_on)", s)
}

// predicateDomain lists, per predicate, the subject and object types the
// guideline allows.
var predicateDomain = map[Predicate][2][]EntityType{
	LocatedIn:    {{Enterprise, Institution, Project, Investor}, {Park}},
	PartOf:       {{Park}, {Park}},
	Awarded:      {{Enterprise, Park, Institution}, {Honor}},
	IssuedBy:     {{Honor}, {Institution}},
	InvestsIn:    {{Investor, Enterprise, Park, Institution}, {Enterprise, Investor, Project, Park}},
	PartnersWith: {{Enterprise, Institution, Investor, Park, Project}, {Enterprise, Institution, Investor, Park, Project}},
	Builds:       {{Enterprise, Institution, Park, Investor}, {Project, Institution, Park}},
	ListedOn:     {{Enterprise}, {Institution}},
}

// Allows reports whether the guideline allows a relation with this predicate
// from an entity of type s to one of type o.
func (p Predicate) Allows(s, o EntityType) bool {
	d, ok := predicateDomain[p]
	if !ok {
		return false
	}
	return containsType(d[0], s) && containsType(d[1], o)
}

func containsType(ts []EntityType, t EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}
