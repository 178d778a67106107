package exporttest

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"parkgraph/graph"
)

// Generate returns a snapshot of realistic shape with about the given
// numbers of entities and relations, the same for the same arguments: the
// six entity types in the proportions park news has (half enterprises),
// Chinese names of 6–14 characters with the suffixes of their type, one
// article per ten entities (dated over ten years), each entity named in one
// to three articles, relations with predicates their types allow, objects
// drawn with a heavy tail (a few parks and honours gather many relations),
// one to three evidence sentences per relation, and analysis results
// (degree, PageRank, community) attached.
func Generate(nodes, edges int, seed uint64) *graph.Snapshot {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	type share struct {
		t graph.EntityType
		p float64
	}
	shares := []share{{graph.Enterprise, 0.50}, {graph.Park, 0.08}, {graph.Institution, 0.15}, {graph.Honor, 0.07}, {graph.Investor, 0.08}, {graph.Project, 0.12}}
	suffix := map[graph.EntityType][]string{
		graph.Enterprise:  {"科技有限公司", "新材料股份有限公司", "电子有限公司", "智能装备有限公司"},
		graph.Park:        {"高新区", "经开区", "工业园区", "示范区"},
		graph.Institution: {"研究院", "实验室", "科技局", "大学"},
		graph.Honor:       {"专精特新企业", "瞪羚企业", "高新技术企业", "示范基地"},
		graph.Investor:    {"产业基金", "创业投资有限公司", "资本"},
		graph.Project:     {"项目", "产业园项目", "生产线项目"},
	}
	docCount := max(nodes/10, 1)
	docs := make([]graph.DocumentInfo, docCount)
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		id := "gen-" + itoa(i)
		docs[i] = graph.DocumentInfo{ID: id, File: id + ".txt", Title: "园区新闻 " + itoa(i), Hash: itoa(i),
			Date: start.AddDate(0, 0, rng.IntN(3650))}
	}
	sentences := make([]string, 997)
	for i := range sentences {
		sentences[i] = "据报道，" + chineseWord(rng, 4) + "与" + chineseWord(rng, 5) + "在" + itoa(2015+i%10) + "年签约，总投资" + itoa(1+i%50) + "亿元，共建" + chineseWord(rng, 3) + "。"
	}

	ns := make([]graph.Node, nodes)
	byType := map[graph.EntityType][]int{}
	for i := range ns {
		x, t := rng.Float64(), graph.Enterprise
		for _, s := range shares {
			if x < s.p {
				t = s.t
				break
			}
			x -= s.p
		}
		sfx := suffix[t]
		name := chineseWord(rng, 2) + uniqueWord(i) + sfx[i%len(sfx)]
		n := graph.Node{Type: t, Name: name, IRI: graph.EntityIRI(t, name)}
		if i%7 == 0 {
			n.Aliases = []string{name[:len(name)-len(sfx[i%len(sfx)])]}
		}
		d := rng.IntN(docCount)
		n.Docs = []string{docs[d].ID}
		if i%3 == 0 && docCount > 1 {
			if e := docs[(d+1)%docCount].ID; e > n.Docs[0] {
				n.Docs = append(n.Docs, e)
			} else {
				n.Docs = []string{e, n.Docs[0]}
			}
		}
		ns[i] = n
		byType[t] = append(byType[t], i)
	}

	type key struct {
		s, o int32
		p    uint8
	}
	seen := make(map[key]bool, edges)
	es := make([]graph.Edge, 0, edges)
	deg := make([]int, nodes)
	for tries := 0; len(es) < edges && tries < 3*edges; tries++ {
		p := graph.Predicates[rng.IntN(len(graph.Predicates))]
		st, ot := domain(p, rng)
		subj, obj := byType[st], byType[ot]
		if len(subj) == 0 || len(obj) == 0 {
			continue
		}
		a := subj[rng.IntN(len(subj))]
		b := obj[heavyTail(rng, len(obj))]
		if a == b {
			continue
		}
		k := key{s: int32(a), o: int32(b)}
		for i, q := range graph.Predicates {
			if q == p {
				k.p = uint8(i)
			}
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		e := graph.Edge{Subject: ns[a].IRI, Predicate: p, Object: ns[b].IRI}
		if p.Symmetric() && e.Object < e.Subject {
			e.Subject, e.Object = e.Object, e.Subject
		}
		nev := 1 + rng.IntN(3)/2 + rng.IntN(2)*rng.IntN(2)
		doc := ns[a].Docs[0]
		first := rng.IntN(40)
		for j := 0; j < nev; j++ {
			si := first + j
			e.Evidence = append(e.Evidence, graph.Evidence{Sentence: graph.SentenceIRI(doc, si), Doc: doc, Text: sentences[(a+j*31+si)%len(sentences)]})
		}
		if rng.IntN(5) == 0 {
			e.Year = 2015 + rng.IntN(10)
		}
		if p == graph.InvestsIn && rng.IntN(2) == 0 {
			v := 1 + rng.IntN(99)
			e.Amount = graph.Amount{Text: itoa(v) + "亿元", Yuan: float64(v) * 1e8}
		}
		es = append(es, e)
		deg[a]++
		deg[b]++
	}

	total := 0.0
	for _, d := range deg {
		total += float64(d + 1)
	}
	comms := max(nodes/200, 1)
	for i := range ns {
		n := &ns[i]
		n.Metrics = map[string]float64{
			"degree":    float64(deg[i]),
			"pagerank":  float64(deg[i]+1) / total,
			"community": float64(i * comms / nodes),
		}
		n.Community = ns[i*comms/nodes*nodes/comms].Name
	}
	s := graph.NewSnapshot(ns, es, docs)
	s.Communities = make([]graph.Community, comms)
	for c := range s.Communities {
		s.Communities[c] = graph.Community{ID: c, Name: ns[c*nodes/comms].Name, Size: nodes / comms}
	}
	return s
}

// domain picks a subject and an object type the predicate allows.
func domain(p graph.Predicate, rng *rand.Rand) (graph.EntityType, graph.EntityType) {
	for {
		s := graph.EntityTypes[rng.IntN(len(graph.EntityTypes))]
		o := graph.EntityTypes[rng.IntN(len(graph.EntityTypes))]
		if p.Allows(s, o) {
			return s, o
		}
	}
}

// heavyTail returns an index in [0,n) with a power-law preference for
// small indexes.
func heavyTail(rng *rand.Rand, n int) int {
	i := int(float64(n) * math.Pow(rng.Float64(), 3))
	return min(i, n-1)
}

const hanzi = "新余华瑞锂电赣锋安泰科创智能光电材料星河云岭滇中昆明青禾天成宏达恒远嘉禾中科晶盛东方长江海润泰和金山银河瑞丰博远鼎盛荣华兴业汇通明德信达永安"

var hanziRunes = []rune(hanzi)

// chineseWord returns n random characters.
func chineseWord(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(hanziRunes[rng.IntN(len(hanziRunes))])
	}
	return b.String()
}

// uniqueWord spells i in base len(hanziRunes), so names never collide.
func uniqueWord(i int) string {
	var b strings.Builder
	for {
		b.WriteRune(hanziRunes[i%len(hanziRunes)])
		i /= len(hanziRunes)
		if i == 0 {
			return b.String()
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
