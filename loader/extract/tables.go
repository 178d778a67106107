package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"parkgraph/graph"
)

// Tables of projects written as text (序号｜项目名称｜投资主体｜总投资｜建设地点)
// reach the extractor as one sentence whose rows end with ；. Their header
// says what each column holds, so the facts of a row are read cell by cell
// rather than by patterns over the whole row.

// Header words of the columns a project table is read by.
var (
	projectColumn  = []string{"项目名称", "项目"}
	investorColumn = []string{"投资主体", "投资方", "投资企业", "投资单位", "签约企业", "投资主体单位", "投资人"}
	builderColumn  = []string{"建设单位", "项目业主", "业主单位", "实施主体", "建设主体", "项目单位", "承建单位", "企业名称", "责任单位", "实施单位"}
	placeColumn    = []string{"建设地点", "所在园区", "落户园区", "项目地点", "所在地", "落户地点", "选址", "建设地址", "所属园区", "项目选址", "落户地", "园区"}
)

// tableCell is a cell of a table row: rune offsets into the document.
type tableCell struct{ start, end int }

// tableFacts reads the project tables of the document: each row's investor
// invests in and builds the project of its row (a builder column: builds
// only), and the project lies in the park of its row.
func (d *doc) tableFacts() []fact {
	var out []fact
	for si := range d.sents {
		lo, hi := d.sents[si].Span.Start, d.sents[si].Span.End
		if !d.holdsBar(lo, hi) {
			continue
		}
		rows := d.tableRows(lo, hi)
		if len(rows) < 2 {
			continue
		}
		if c := rows[0][0]; c.end > c.start && (d.m[c.end-1] == ':' || d.m[c.end-1] == '：') {
			rows[0] = rows[0][1:] // 签约项目如下：| 序号 | …: the lead-in is no column
		}
		proj, owner, place, invests := -1, -1, -1, false
		header := 0
		for ; header < len(rows)-1; header++ {
			proj, owner, place, invests = d.columns(rows[header])
			if proj >= 0 && owner >= 0 {
				break
			}
		}
		if proj < 0 || owner < 0 {
			continue
		}
		signer := d.signerBefore(si)
		for _, row := range rows[header+1:] {
			if len(row) <= max(proj, owner) {
				continue
			}
			y := d.entityIn(row[proj], graph.Project)
			x := d.entityIn(row[owner], graph.Enterprise, graph.Institution, graph.Investor)
			if y >= 0 && x >= 0 {
				if invests {
					out = append(out, fact{s: x, o: y, p: graph.InvestsIn, sentence: si, rule: "table:investor"})
				}
				out = append(out, fact{s: x, o: y, p: graph.Builds, sentence: si, rule: "table:builder"})
			}
			if x >= 0 && signer >= 0 && x != signer {
				out = append(out, fact{s: signer, o: x, p: graph.PartnersWith, sentence: si, rule: "table:signed-with"})
			}
			if place >= 0 && place < len(row) && y >= 0 {
				if p := d.entityIn(row[place], graph.Park); p >= 0 {
					out = append(out, fact{s: y, o: p, p: graph.LocatedIn, sentence: si, rule: "table:place"})
				}
			}
		}
	}
	return out
}

// holdsBar reports whether [lo, hi) holds a cell bar.
func (d *doc) holdsBar(lo, hi int) bool {
	for _, r := range d.m[lo:hi] {
		if r == '|' || r == '｜' {
			return true
		}
	}
	return false
}

// tableRows splits [lo, hi) into rows (ended by ；) of cells (set apart by
// bars), dropping the empty cells a Markdown row opens and closes with.
// Rows with fewer than three cells are left out.
func (d *doc) tableRows(lo, hi int) [][]tableCell {
	var rows [][]tableCell
	var row []tableCell
	start := lo
	flushRow := func() {
		if len(row) > 0 && row[0].start == row[0].end {
			row = row[1:]
		}
		if n := len(row); n > 0 && row[n-1].start == row[n-1].end {
			row = row[:n-1]
		}
		if len(row) >= 3 {
			rows = append(rows, row)
		}
		row = nil
	}
	for i := lo; i <= hi; i++ {
		end := i == hi
		var r rune
		if !end {
			r = d.m[i]
		}
		if end || r == '|' || r == '｜' || r == ';' || r == '；' {
			a, b := start, i
			for a < b && isSpaceRune(d.m[a]) {
				a++
			}
			for b > a && isSpaceRune(d.m[b-1]) {
				b--
			}
			row = append(row, tableCell{a, b})
			start = i + 1
			if end || r == ';' || r == '；' {
				flushRow()
			}
		}
	}
	return rows
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

// columns finds, in a header row, the columns of the project, of its
// investor or builder, and of its place (-1 where there is none); invests
// tells whether the owner column names investors (or builders beside a
// column of total investment).
func (d *doc) columns(row []tableCell) (proj, owner, place int, invests bool) {
	proj, owner, place = -1, -1, -1
	total := false
	for i, c := range row {
		text := d.matchString(c.start, c.end)
		// The first cell may carry the table's lead-in (情况如下:序号).
		if k := strings.LastIndexAny(text, ":："); k >= 0 {
			_, size := utf8.DecodeRuneInString(text[k:])
			text = text[k+size:]
		}
		text = strings.TrimSpace(text)
		switch {
		case proj < 0 && slices.Contains(projectColumn, text):
			proj = i
		case owner < 0 && slices.Contains(investorColumn, text):
			owner, invests = i, true
		case owner < 0 && slices.Contains(builderColumn, text):
			owner = i
		case place < 0 && slices.Contains(placeColumn, text):
			place = i
		case slices.ContainsFunc(amountColumn, func(w string) bool { return strings.HasPrefix(text, w) }): // 总投资（亿元）
			total = true
		}
	}
	// A builder column beside the projects' total investment names who
	// puts the money in too.
	return proj, owner, place, invests || owner >= 0 && total
}

// amountColumn are the words a header of a column of investment sums opens
// with.
var amountColumn = []string{"总投资", "投资额", "计划投资", "计划总投资", "投资总额"}

// entityIn returns the entity of one of the types that a mention lying
// within the cell names (the last one, the most specific where a park and
// its sub-park are written together), or -1.
func (d *doc) entityIn(c tableCell, types ...graph.EntityType) int {
	found := -1
	for i := c.start; i < c.end; i++ {
		k := d.cover[i]
		if k < 0 {
			continue
		}
		m := &d.mentions[k]
		if m.start < c.start || m.end > c.end || m.ent < 0 || d.ents[m.ent].dropped {
			continue
		}
		for _, t := range types {
			if d.ents[m.ent].typ == t {
				found = m.ent
			}
		}
		i = m.end - 1
	}
	return found
}

// restProjectsRE finds 其余项目落户 (the rest of the projects are in): the
// park named next holds every project named before not placed otherwise.
var restProjectsRE = regexp.MustCompile(`其余(?:的)?(?:\d+个|[一二两三四五六七八九十]+个)?(?:签约|开工|重点)?项目(?:均|都|全部|将|则|也)*(?:落户|落地|位于|建在|布局在|布局于|选址在|选址)(?:在|于)?`)

// restWord is the word restProjectsRE opens with (其余), as runes.
var restWord = []rune("其余")

// restOfProjects places the projects an article names and leaves unplaced
// in the park its 其余项目落户P sentence names: 其中A、B落户宏伟园区，其余项目落户
// 兴化园区.
func (d *doc) restOfProjects(facts []fact) []fact {
	var out []fact
	for si := range d.sents {
		lo, hi := d.sents[si].Span.Start, d.sents[si].Span.End
		if !containsRunes(d.m[lo:hi], restWord) {
			continue
		}
		text := d.matchString(lo, hi)
		loc := restProjectsRE.FindStringIndex(text)
		if loc == nil {
			continue
		}
		park := -1
		for i := lo + utf8.RuneCountInString(text[:loc[1]]); i < hi; {
			k := d.cover[i]
			if k < 0 {
				break
			}
			m := &d.mentions[k]
			if m.ent < 0 || d.ents[m.ent].typ != graph.Park {
				break
			}
			park = m.ent // the last of 云岭高新区白沙园区: the most specific
			i = m.end
		}
		if park < 0 || d.ents[park].dropped {
			continue
		}
		// The parks the named one is part of: a project placed only in one
		// of them (by the event's park) is not placed yet.
		up := map[int]bool{}
		for changed, k := true, 0; changed && k < 8; k++ {
			changed = false
			for _, f := range facts {
				if f.p == graph.PartOf && (f.s == park || up[f.s]) && !up[f.o] {
					up[f.o], changed = true, true
				}
			}
		}
		for q := d.ents[park].parent; q >= 0 && !up[q]; q = d.ents[q].parent {
			up[q] = true
		}
		placed := map[int]bool{}
		for _, f := range append(facts, out...) {
			if f.p == graph.LocatedIn && !up[f.o] {
				placed[f.s] = true
			}
		}
		for e, ent := range d.ents {
			if ent.dropped || ent.typ != graph.Project || placed[e] || len(ent.mentions) == 0 {
				continue
			}
			first := len(d.m)
			for _, mi := range ent.mentions {
				first = min(first, d.mentions[mi].start)
			}
			if first < lo {
				out = append(out, fact{s: e, o: park, p: graph.LocatedIn, sentence: si, rule: "discourse:rest-of-projects"})
			}
		}
	}
	return out
}

// signerBefore returns the body that, in one of the few sentences before a
// table, signs with each of the firms it lists (管委会分别与6家企业签订投资协议),
// or -1 (also where that sentence names the firms it signs with).
func (d *doc) signerBefore(si int) int {
	for k := si - 1; k >= 0 && k >= si-4; k-- {
		lo, hi := d.sents[k].Span.Start, d.sents[k].Span.End
		text := d.matchString(lo, hi)
		i := strings.Index(text, "分别与")
		if i < 0 || !strings.Contains(text[i:], "签") {
			continue
		}
		at := lo + utf8.RuneCountInString(text[:i])
		if after := at + len([]rune("分别与")); after < hi && d.cover[after] >= 0 {
			return -1 // 分别与A、B签订: the firms it names, not the table's
		}
		signer := -1
		for j := lo; j < at; j++ {
			if c := d.cover[j]; c >= 0 {
				m := &d.mentions[c]
				if m.ent >= 0 && !d.ents[m.ent].dropped && (d.ents[m.ent].typ == graph.Institution || d.ents[m.ent].typ == graph.Park) {
					signer = m.ent
				}
				j = m.end - 1
			}
		}
		return signer
	}
	return -1
}
