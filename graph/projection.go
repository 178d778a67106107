package graph

// The predicates of one-mode projections (see analysis.Project): two
// entities of one type linked because they share neighbours of another.
// They are symmetric, are written only to exports (never to the store), and
// Valid reports false for them: they are not relations read from text.
const (
	SharesHonor      Predicate = "shares_honor"      // enterprise ↔ enterprise: the same honour
	SharesPark       Predicate = "shares_park"       // enterprise ↔ enterprise: located in the same park
	SharesInvestor   Predicate = "shares_investor"   // enterprise ↔ enterprise: funded by the same investor
	CoInvests        Predicate = "co_invests"        // investor ↔ investor: funding the same target
	SharesEnterprise Predicate = "shares_enterprise" // park ↔ park: the same enterprise located in both
	SharesPartner    Predicate = "shares_partner"    // park ↔ park: the same partner organisation
)

var projectionLabels = map[Predicate]string{
	SharesHonor:      "同获荣誉",
	SharesPark:       "同园区",
	SharesInvestor:   "同投资方",
	CoInvests:        "共同投资",
	SharesEnterprise: "共有企业",
	SharesPartner:    "共同合作方",
}

// Projected reports whether p is a projection predicate.
func (p Predicate) Projected() bool { _, ok := projectionLabels[p]; return ok }
