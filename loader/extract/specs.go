package extract

// ruleSpec is a rule or word-list entry with its examples, as the table
// test sees it.
type ruleSpec struct {
	*RuleSpec
	kind string // "relation" or "entity"
}

// allRuleSpecs reads every rule file with examples.
func allRuleSpecs() ([]ruleSpec, error) {
	var out []ruleSpec
	for _, f := range []struct{ file, kind string }{
		{"rules/relations.rules", "relation"},
		{"rules/entities.rules", "entity"},
	} {
		specs, err := readRules(rulesFS, f.file)
		if err != nil {
			return nil, err
		}
		for _, s := range specs {
			out = append(out, ruleSpec{s, f.kind})
		}
	}
	return out, nil
}
