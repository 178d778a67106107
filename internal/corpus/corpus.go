// Package corpus generates park-news articles of realistic shape together
// with their expected extraction, for tests and benchmarks that need more text
// than the seed and of a size chosen by a parameter.
//
// A corpus is a deterministic function of its options: the same seed gives
// the same articles, byte for byte, and any article can be generated on its
// own (Article(i) does not generate the ones before it). Its shape follows the
// news it imitates: parks are drawn from a power law (a few large parks are
// written about often, most rarely), enterprises belong to one park each and
// recur across articles with a power law too, so honours, investors,
// universities and exchanges are shared between many documents; article
// lengths are heavy-tailed.
//
// Every generated sentence states its facts in the forms the annotation
// guideline describes (位于, 入选…名单, 出资…入股, 签订…合作协议, 共建, 上市,
// 投资建设), and the article's Expected holds exactly those facts, in the
// JSON shape the scorer reads.
package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Options choose a corpus.
type Options struct {
	Articles int    // number of articles
	Seed     uint64 // the generator's seed; DefaultSeed when zero
}

// DefaultSeed is the seed used when Options.Seed is zero.
const DefaultSeed = 20231127

// Corpus is a generated set of articles.
type Corpus struct {
	opts        Options
	parks       []park
	enterprises []enterprise
	byPark      [][]int // enterprise indexes per park
	investors   []string
	parkZipf    *zipf
}

type park struct {
	name  string // 南昌高新区
	prov  int
	city  string
	areas []string // sub-park names (东区园区)
}

type enterprise struct {
	name     string // full name
	short    string // short name (brand + industry word)
	park     int
	area     int // index into the park's areas, or -1
	industry int
}

// Article is one generated article.
type Article struct {
	ID       string   // file stem, e.g. g000042
	Title    string   // headline
	Body     string   // the text after the headline
	Text     string   // headline, blank line, body: the file's content
	Expected Expected // the extraction the guideline asks for
}

// Expected is an article's correct extraction, in the scorer's shape.
type Expected struct {
	Doc       string           `json:"doc"`
	Entities  []ExpectedEntity `json:"entities"`
	Relations []ExpectedFact   `json:"relations"`
}

// ExpectedEntity is an entity of the expected extraction.
type ExpectedEntity struct {
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

// ExpectedFact is a relation of the expected extraction.
type ExpectedFact struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Evidence  string `json:"evidence,omitempty"`
	Year      int    `json:"year,omitempty"`
	Amount    string `json:"amount,omitempty"`
}

// New prepares a corpus. The pools of parks, enterprises and investors grow
// with the number of articles, so a large corpus is not a small one repeated.
func New(opts Options) *Corpus {
	if opts.Seed == 0 {
		opts.Seed = DefaultSeed
	}
	if opts.Articles < 0 {
		opts.Articles = 0
	}
	c := &Corpus{opts: opts}
	r := rand.New(rand.NewPCG(opts.Seed, 0x9e3779b97f4a7c15))

	// Parks: one to three per city, more cities' parks as the corpus grows.
	nParks := 20 + opts.Articles/25
	if nParks > 600 {
		nParks = 600
	}
	seen := map[string]bool{}
	for tries := 0; len(c.parks) < nParks && tries < 100*nParks; tries++ {
		pi := r.IntN(len(provinces))
		city := provinces[pi].cities[r.IntN(len(provinces[pi].cities))]
		kind := parkKinds[r.IntN(len(parkKinds))]
		name := city + kind
		if seen[name] {
			continue
		}
		seen[name] = true
		p := park{name: name, prov: pi, city: city}
		for _, a := range r.Perm(len(areaNames))[:r.IntN(3)] {
			p.areas = append(p.areas, areaNames[a]+"园区")
		}
		c.parks = append(c.parks, p)
	}
	c.parkZipf = newZipf(len(c.parks), 1.1)

	// Enterprises: each in one park, the large parks holding more.
	nEnt := 60 + opts.Articles*3
	c.byPark = make([][]int, len(c.parks))
	names := map[string]bool{}
	shorts := map[string]bool{}
	for tries := 0; len(c.enterprises) < nEnt && tries < 20*nEnt; tries++ {
		p := c.parkZipf.draw(r)
		pr := provinces[c.parks[p].prov]
		ind := r.IntN(len(industries))
		// Two brand syllables while they last, three in large corpora:
		// every enterprise needs a short name of its own.
		syllables := 2
		if len(shorts) > 8000 || r.IntN(8) == 0 {
			syllables = 3
		}
		brand := make([]rune, syllables)
		for k := range brand {
			brand[k] = brandSyllables[r.IntN(len(brandSyllables))]
		}
		if brand[0] == brand[1] || syllables == 3 && brand[1] == brand[2] {
			continue
		}
		short := string(brand) + industries[ind].word
		name := pr.name + short + legalForms[r.IntN(len(legalForms))]
		if r.IntN(4) == 0 {
			name = short + legalForms[r.IntN(len(legalForms))]
		}
		if names[name] || shorts[short] {
			continue
		}
		names[name], shorts[short] = true, true
		e := enterprise{name: name, short: short, park: p, area: -1, industry: ind}
		if n := len(c.parks[p].areas); n > 0 && r.IntN(2) == 0 {
			e.area = r.IntN(n)
		}
		c.byPark[p] = append(c.byPark[p], len(c.enterprises))
		c.enterprises = append(c.enterprises, e)
	}
	for p := range c.byPark {
		if len(c.byPark[p]) == 0 { // every park has at least one enterprise
			e := c.byPark[0][0]
			c.byPark[p] = append(c.byPark[p], e)
		}
	}

	// Investors: funds named for a city and industry, and venture firms.
	nInv := 10 + opts.Articles/10
	if nInv > 3000 {
		nInv = 3000
	}
	invSeen := map[string]bool{}
	for tries := 0; len(c.investors) < nInv && tries < 20*nInv; tries++ {
		var name string
		switch r.IntN(3) {
		case 0:
			pr := provinces[r.IntN(len(provinces))]
			name = pr.cities[r.IntN(len(pr.cities))] + industries[r.IntN(len(industries))].word + "产业投资基金"
		case 1:
			name = string(brandSyllables[r.IntN(len(brandSyllables))]) + string(brandSyllables[r.IntN(len(brandSyllables))]) + "创业投资有限公司"
		default:
			pr := provinces[r.IntN(len(provinces))]
			name = pr.name + "省" + []string{"高新投资集团", "科技投资集团", "产业投资集团"}[r.IntN(3)]
		}
		if invSeen[name] {
			continue
		}
		invSeen[name] = true
		c.investors = append(c.investors, name)
	}
	return c
}

// Len returns the number of articles.
func (c *Corpus) Len() int { return c.opts.Articles }

// Article generates article i (0 ≤ i < Len()).
func (c *Corpus) Article(i int) Article {
	r := rand.New(rand.NewPCG(c.opts.Seed, uint64(i)+1))
	w := &writer{c: c, r: r, ents: map[string]*ExpectedEntity{}, facts: map[string]bool{}}
	w.doc = fmt.Sprintf("g%06d", i)
	w.park = c.parkZipf.draw(r)
	w.year = 2019 + r.IntN(7)
	w.write()
	a := Article{ID: w.doc, Title: w.title, Body: strings.Join(w.paras, "\n\n") + "\n"}
	a.Text = a.Title + "\n\n" + a.Body
	a.Expected = w.expected()
	return a
}

// Size returns the number of bytes of text in articles [0, n).
func (c *Corpus) Size(n int) int64 {
	var total int64
	for i := 0; i < n && i < c.Len(); i++ {
		total += int64(len(c.Article(i).Text))
	}
	return total
}

// WriteDir writes the corpus into dir as the evaluation set is laid out:
// dir/articles/ID.txt and dir/gold/ID.json. It returns the bytes of text
// written.
func (c *Corpus) WriteDir(dir string) (int64, error) {
	return c.WriteDirContext(context.Background(), dir)
}

// WriteDirContext is WriteDir that stops, with the context's error, when ctx
// is done; the articles written so far stay.
func (c *Corpus) WriteDirContext(ctx context.Context, dir string) (int64, error) {
	for _, sub := range []string{"articles", "gold"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return 0, fmt.Errorf("write corpus: %w", err)
		}
	}
	var total int64
	for i := 0; i < c.Len(); i++ {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		a := c.Article(i)
		if err := os.WriteFile(filepath.Join(dir, "articles", a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
			return total, fmt.Errorf("write corpus: %w", err)
		}
		js, err := json.MarshalIndent(a.Expected, "", "  ")
		if err != nil {
			return total, fmt.Errorf("write corpus: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "gold", a.ID+".json"), append(js, '\n'), 0o644); err != nil {
			return total, fmt.Errorf("write corpus: %w", err)
		}
		total += int64(len(a.Text))
	}
	return total, nil
}

// zipf draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s.
type zipf struct{ cdf []float64 }

func newZipf(n int, s float64) *zipf {
	z := &zipf{cdf: make([]float64, n)}
	sum := 0.0
	for i := range n {
		sum += 1 / math.Pow(float64(i+1), s)
		z.cdf[i] = sum
	}
	for i := range z.cdf {
		z.cdf[i] /= sum
	}
	return z
}

func (z *zipf) draw(r *rand.Rand) int {
	u := r.Float64()
	i := sort.SearchFloat64s(z.cdf, u)
	if i >= len(z.cdf) {
		i = len(z.cdf) - 1
	}
	return i
}
