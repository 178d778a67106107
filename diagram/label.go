package diagram

import (
	"math"
	"strings"

	"parkgraph/diagram/textwidth"
)

// Label sizes, in points.
const (
	minFontSize   = 11 // the least central entity
	maxFontSize   = 15 // the most central one
	focusFontSize = 16 // the ego entity and path ends, in bold
	edgeFontSize  = 10
	lineEms       = 10 // a label line holds about ten Chinese characters
	maxLabelRunes = 60 // longer names are cut short in labels (tooltips keep them whole)
)

// shorten cuts a name longer than n characters to its first n-1 and "…".
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// fontSize maps a PageRank to a label size: the square root of its share of
// the diagram's highest PageRank, between minFontSize and maxFontSize.
func fontSize(pr, maxPR float64) float64 {
	if maxPR <= 0 || pr <= 0 {
		return minFontSize
	}
	rel := math.Sqrt(math.Min(pr/maxPR, 1))
	return math.Round((minFontSize+(maxFontSize-minFontSize)*rel)*2) / 2
}

// breakLines splits a name into lines of at most about maxEm ems of nearly
// equal width. It breaks between characters, never inside a run of Latin
// letters or digits, before closing or after opening punctuation.
func breakLines(s string, maxEm float64) []string {
	total := textwidth.Width(s, 1, false)
	if total <= maxEm {
		return []string{s}
	}
	rs := []rune(s)
	// cum[i] is the width of rs[:i]; ok[i] says a line may start at rs[i].
	cum := make([]float64, len(rs)+1)
	ok := make([]bool, len(rs)+1)
	for i, r := range rs {
		cum[i+1] = cum[i] + textwidth.Em(r, false)
		if i > 0 {
			ok[i] = textwidth.CanBreak(rs[i-1], r)
		}
	}
	n := int(math.Ceil(total / maxEm))
	target := total / float64(n)
	var lines []string
	start := 0
	for k := 1; k < n; k++ {
		want := target * float64(k)
		best := -1
		cost := func(i int) float64 {
			c := math.Abs(cum[i] - want)
			if startsSuffix(rs[i:]) {
				c -= suffixBonus
			}
			if splitsWord(rs, i) {
				c += wordPenalty
			}
			return c
		}
		for i := start + 1; i < len(rs); i++ {
			if ok[i] && (best < 0 || cost(i) < cost(best)) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		lines = append(lines, string(rs[start:best]))
		start = best
	}
	return append(lines, string(rs[start:]))
}

// labelBox is the size in points of a label of the given lines: the width
// of the widest line and a line height of textwidth.LineHeight each.
func labelBox(lines []string, size float64, bold bool) (w, h float64) {
	for _, l := range lines {
		w = math.Max(w, textwidth.Width(l, size, bold))
	}
	return w, float64(len(lines)) * textwidth.LineHeight * size
}

// suffixes are the generic endings of organisation and place names; a line
// break before one ("江西赣锋锂业 / 集团股份有限公司") reads better than one
// inside a word, so it is preferred when it is within suffixBonus ems of
// the even break.
var suffixes = []string{
	"集团", "股份", "有限公司", "有限责任公司", "科技", "技术", "实业", "控股",
	"研究院", "研究所", "实验室", "中心", "大学", "学院", "基金", "项目", "产业园",
	"园区", "高新区", "开发区", "示范区", "工业园", "管委会",
}

const suffixBonus = 3

func startsSuffix(rs []rune) bool {
	s := string(rs)
	for _, x := range suffixes {
		if strings.HasPrefix(s, x) {
			return true
		}
	}
	return false
}

// words are common two- and three-character words of company, park and
// project names that a line break should not split ("研 / 发").
var words = []string{
	"研发", "制造", "装备", "产业", "科技", "技术", "生物", "电子", "材料", "能源", "智能",
	"数字", "信息", "服务", "商务", "医药", "环保", "汽车", "机械", "精密", "光电", "新能源",
	"新材料", "实验", "中心", "基地", "工程", "创新", "发展", "投资", "建设", "管理", "股份",
	"集团", "有限", "公司", "高新", "园区", "示范", "开发", "生产", "加工", "物流", "贸易",
}

const wordPenalty = 2

// splitsWord reports whether a break before rs[i] falls inside one of words.
func splitsWord(rs []rune, i int) bool {
	for _, w := range words {
		n := len([]rune(w))
		for k := 1; k < n; k++ {
			if i-k >= 0 && i-k+n <= len(rs) && string(rs[i-k:i-k+n]) == w {
				return true
			}
		}
	}
	return false
}
