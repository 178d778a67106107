package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"parkgraph/graph/resolve"
	"parkgraph/graph/store"
)

func init() {
	register(command{name: "aliases", summary: "list entities merged across documents: canonical name, aliases, documents", run: runAliases})
}

func runAliases(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("aliases", stderr)
	db := fs.String("db", store.DefaultDSN, store.DSNHelp)
	asJSON := fs.Bool("json", false, "write JSON instead of text")
	rulesFile := fs.String("aliases", "", "show the merges this aliases file would give (the store is not changed; build --aliases applies it)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph aliases [--db DSN] [--json] [--aliases FILE]")
		fmt.Fprintln(stderr, "An aliases file overrides the merges, one rule a line:")
		fmt.Fprintln(stderr, "  merge: 云南青禾科技有限公司 | 青禾科技    one organisation; the first name is canonical")
		fmt.Fprintln(stderr, "  split: 江西青禾科技有限公司 | 青禾科技    never the same organisation")
		fs.PrintDefaults()
	}
	if pos, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("unexpected arguments %q; usage: parkgraph aliases [--db DSN] [--json]", pos)
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	var clusters []resolve.Cluster
	if *rulesFile != "" {
		rules, err := readRules(*rulesFile)
		if err != nil {
			return err
		}
		ents, err := st.Entities(ctx)
		if err != nil {
			return err
		}
		clusters = resolve.Resolve(ents, rules)
	} else if clusters, err = st.Aliases(ctx); err != nil {
		return err
	}
	if *asJSON {
		type jsonCluster struct {
			Name    string   `json:"name"`
			Type    string   `json:"type"`
			IRI     string   `json:"iri"`
			Aliases []string `json:"aliases"`
			Docs    []string `json:"docs"`
			Members []string `json:"members"`
			Rule    bool     `json:"rule,omitempty"`
		}
		out := []jsonCluster{}
		for _, c := range clusters {
			j := jsonCluster{Name: c.Name, Type: string(c.Type), IRI: string(c.Canonical), Aliases: c.Aliases, Docs: c.Docs, Rule: c.Rule}
			for _, m := range c.Members {
				j.Members = append(j.Members, string(m))
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	if len(clusters) == 0 {
		fmt.Fprintln(stdout, "no entities are merged across documents")
		return nil
	}
	for _, c := range clusters {
		mark := ""
		if c.Rule {
			mark = " [aliases rule]"
		}
		fmt.Fprintf(stdout, "%s (%s)%s\n  aliases:   %s\n  documents: %s\n", c.Name, c.Type, mark,
			strings.Join(c.Aliases, ", "), strings.Join(c.Docs, ", "))
	}
	fmt.Fprintf(stdout, "%d merged entities\n", len(clusters))
	return nil
}
