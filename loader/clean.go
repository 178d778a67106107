package loader

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// A line that is only a byline: ◎本报记者 魏依晨, 通讯员 蒋文锋 肖蕾, 实习生 吴晓静.
	bylineLine = regexp.MustCompile(`^(◎|(本报|特约|见习|实习)?(记者|通讯员|实习生|摄影|撰稿|编辑|责任编辑|责编)[\s:：]*[\p{Han}·]{2,5}([\s　,，、]+[\p{Han}·]{2,5})*([\s　]+(本报|特约|见习|实习)?(记者|通讯员|实习生|摄影)[\s:：]*[\p{Han}·]{2,5}([\s　,，、]+[\p{Han}·]{2,5})*)*$)`)
	// A byline inside a line: 【记者郝玲合肥报道】, （记者 张三 通讯员 李四）, (记者郝晓明).
	bylineInline = regexp.MustCompile(`[【\[（(]\s*(本报|特约|见习)?(记者|通讯员)[^】\]）)]{1,40}[】\]）)]`)
	// A dateline opening a report: 新华社广州8月29日电, 本报讯, 某某日报3月2日讯,
	// 某某晚报讯.
	datelineLead = regexp.MustCompile(`^(?:(?:新华社|中新社|中新网|人民网|新华网|央视网|央广网|光明网|本报)\p{Han}{0,8}?(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?(?:电|讯)|\p{Han}{2,6}(?:日报|晚报|时报|网|社)\p{Han}{0,8}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)|\p{Han}{2,6}(?:日报|晚报|时报|早报|商报|都市报)讯)[\s　:：]*`)
	// A photo credit closing a caption: 。 赵春亮摄, 新华社记者 杨植森摄, 视觉中国供图, （张三 摄）.
	creditTail  = regexp.MustCompile(`(^|[。！？!?\s　])[\s　]*(((新华社|本报|特约)?(记者|通讯员)[\s　]*)?[\p{Han}·]{2,5}[\s　]*摄|[\p{Han}A-Za-z]{2,10}[\s　]*供图|[（(][^（()）]{2,20}[\s　]*(摄|供图)[）)])[\s　]*$`)
	headingMark = regexp.MustCompile(`^#{1,6}[ \t]+`)
	// A line of page metadata or navigation: 发布时间：… 来源：… 浏览次数：…,
	// （责任编辑：王小明）, 分享到：微信 微博, 【字体：大 中 小】, 上一篇：…,
	// 相关链接：…, 首页 > 新闻中心 > 园区动态, 【打印本页】【关闭窗口】.
	metaLine = regexp.MustCompile(`^(?:[\[【(（]?\s*(?:发布时间|发布日期|更新时间|时间|日期|来源|信息来源|文章来源|稿件来源|作者|编辑|责任编辑|责编|审核|校对|终审|浏览次数|浏览量|阅读量|阅读数|点击数|点击量|访问量|字号|字体|分享到|扫一扫|上一篇|下一篇|相关链接|友情链接|相关阅读|相关新闻|当前位置|您的位置|您现在的位置)\s*[:：]|(?:当前位置|您的位置|您现在的位置)?[:：]?\s*(?:首页|网站首页)\s*[>＞»›]|(?:[【\[]\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|纠错)\s*[】\]]\s*)+$)`)
)

// headingOf returns the Markdown heading mark opening a line, or "".
func headingOf(line string) string {
	if !strings.HasPrefix(line, "#") {
		return ""
	}
	return headingMark.FindString(line)
}

// mayBeMeta reports whether a line holds what every metadata line does: a
// colon after its label, 首页 in a breadcrumb trail, or a closing bracket
// of 【打印本页】.
func mayBeMeta(line string) bool {
	return containsAnyOf(line, ":：]】") || strings.Contains(line, "首页")
}

// containsAnyOf is strings.ContainsAny(s, chars) for a few characters,
// searched for one by one with the vectorised substring search: where they
// are not ASCII, ContainsAny decodes every rune of s and looks each up in
// chars, which on a long paragraph costs twenty times as much. The answers
// are the same, also on bytes that are not UTF-8: a character's encoding
// opens with a byte that never continues another's.
func containsAnyOf(s, chars string) bool {
	for i := 0; i < len(chars); {
		_, n := utf8.DecodeRuneInString(chars[i:])
		if strings.Contains(s, chars[i:i+n]) {
			return true
		}
		i += n
	}
	return false
}

// terminal are the characters that end a paragraph properly; a paragraph
// that ends in anything else was cut by page layout.
const terminal = "。！？!?…”』」）)》】\"'：:；;"

// Clean repairs the layout damage of a newspaper page and returns the text
// with one paragraph per line, and its title (the first heading, or the
// first line). Bylines, photo credits and page metadata lines (发布时间,
// 来源, 责任编辑, 分享到) go; captions stay as paragraphs;
// paragraphs cut in the middle of a sentence by a blank line (or by a
// caption placed inside them) are joined again; the rows of a table
// written as text (cells apart by spaces) stay one paragraph, each row
// ended by ；, so no cell runs into the next row's name; Markdown heading
// marks are removed.
func Clean(text string) (clean, title string) {
	if strings.Contains(text, "&") && strings.Contains(text, ";") {
		text = html.UnescapeString(text) // &nbsp;, &ldquo; left by a page saved as text
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")

	type para struct {
		text    string
		heading bool
		caption bool
		row     bool // a table row: cells apart, no sentence around them
		opens   bool // opens the report: a dateline or byline stood before it
	}
	var paras []para
	var cur []string
	lastRow := false // the line before was a table row
	opens := false   // the paragraph being gathered opens the report
	flush := func() {
		if len(cur) > 0 {
			if head, items, ok := nameList(cur); ok {
				// 重庆青禾电池有限公司 / 重庆白鹭座椅有限公司, one name a line:
				// a list, each item ended by ；, never joined into one name.
				paras = append(paras, para{text: head + strings.Join(items, "；"), row: true, opens: opens})
			} else {
				paras = append(paras, para{text: strings.Join(cur, ""), opens: opens})
			}
			cur = cur[:0]
		}
		opens = false
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" {
			flush()
			lastRow = false
			continue
		}
		if m := headingOf(line); m != "" {
			flush()
			h := strings.TrimSpace(line[len(m):])
			if h != "" {
				paras = append(paras, para{text: h, heading: true})
			}
			continue
		}
		if mayBeByline(line) && bylineLine.MatchString(line) || strings.HasPrefix(line, "原标题") {
			flush() // bylines, and the reprint note that repeats a headline
			continue
		}
		if len(line) < 400 && mayBeMeta(line) && metaLine.MatchString(line) {
			flush() // the page's date, source, editor and sharing lines
			continue
		}
		// The patterns run only where their key words occur: most lines
		// hold none, and the patterns cost more than the look.
		before := line
		if strings.Contains(line, "记者") || strings.Contains(line, "通讯员") {
			line = bylineInline.ReplaceAllString(line, "")
		}
		if head := prefixBytes(line, 96); strings.Contains(head, "电") || strings.Contains(head, "讯") {
			line = datelineLead.ReplaceAllString(line, "")
		}
		if line != before && !strings.HasPrefix(before, line) && strings.HasSuffix(before, line) {
			// A dateline or byline led the line: the report starts here, and
			// the line before it (the headline) is no part of its sentence.
			flush()
			opens = true
		}
		if tail := suffixBytes(line, 24); strings.Contains(tail, "摄") || strings.Contains(tail, "供图") {
			line = creditTail.ReplaceAllString(line, "$1")
		}
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" {
			continue
		}
		if ruleRow(line) {
			continue // |---|---|: a Markdown table's rule under its header
		}
		if tableRow(line) {
			// 惠州泓达电子科技有限公司 电子信息: the rows of a table stay one
			// paragraph, each row ended by ；, never joined into a name.
			lead := ""
			if n := len(cur); n > 0 && (strings.HasSuffix(cur[n-1], "：") || strings.HasSuffix(cur[n-1], ":")) {
				lead = strings.Join(cur, "") // 名单如下：, the table's lead-in
				cur = cur[:0]
			}
			flush()
			if n := len(paras); n > 0 && paras[n-1].row && lastRow {
				paras[n-1].text += "；" + line
			} else {
				paras = append(paras, para{text: lead + line, row: true})
			}
			lastRow = true
			continue
		}
		lastRow = false
		cur = append(cur, line)
	}
	flush()
	for i := range paras {
		p := &paras[i]
		p.caption = !p.heading && (strings.HasPrefix(p.text, "图为") || strings.HasPrefix(p.text, "图：") || strings.HasPrefix(p.text, "上图") || strings.HasPrefix(p.text, "下图"))
	}

	// Join paragraphs cut by layout, moving captions found in between after
	// the joined paragraph.
	var out []para
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		var moved []para
		for !p.heading && !p.caption && !p.row && cutMidSentence(p.text) {
			j := i + 1
			for j < len(paras) && paras[j].caption {
				j++
			}
			if j >= len(paras) || paras[j].heading || paras[j].row || paras[j].opens || !continues(paras[j].text) {
				break
			}
			moved = append(moved, paras[i+1:j]...)
			p.text += paras[j].text
			i = j
		}
		out = append(out, p)
		out = append(out, moved...)
	}

	var b strings.Builder
	size := len(out)
	for _, p := range out {
		size += len(p.text)
	}
	b.Grow(size)
	for i, p := range out {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.text)
		if title == "" && p.heading {
			title = p.text
		}
	}
	if title == "" && len(out) > 0 {
		title = out[0].text
		if utf8.RuneCountInString(title) > 60 {
			title = string([]rune(title)[:60])
		}
	}
	return b.String(), title
}

// tableRow reports whether a line is a row of a table written as text:
// short, with no sentence punctuation, and cells set apart by bars or by
// spaces or tabs between Chinese words (惠州泓达电子科技有限公司 电子信息).
func tableRow(line string) bool {
	if len(line) > 4*80 || utf8.RuneCountInString(line) > 80 || containsAnyOf(line, "。；;！？!?，,") {
		return false
	}
	if strings.Count(line, "|")+strings.Count(line, "｜") >= 2 {
		return true // 1｜青禾项目｜青禾有限公司｜装备制造产业园, and Markdown rows
	}
	rs := []rune(line)
	for i := 1; i+1 < len(rs); i++ {
		if (rs[i] == ' ' || rs[i] == '\t' || rs[i] == '\u3000') && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i+1]) {
			return true
		}
	}
	return false
}

// nameList reports whether the lines of a paragraph are a list of names, one
// a line: at least two short lines without punctuation, after at most one
// heading line (一、重庆市绿色工厂（4家）, 名单如下：). It returns the heading, ended
// by ：, and the items.
func nameList(lines []string) (head string, items []string, ok bool) {
	if len(lines) < 2 {
		return "", nil, false
	}
	for _, l := range lines[1:] { // the cheap test first: most paragraphs fail it
		if !listItem(l) {
			return "", nil, false
		}
	}
	if listHeading.MatchString(lines[0]) {
		if len(lines) < 3 {
			return "", nil, false
		}
		return strings.TrimRight(lines[0], ":：") + "：", lines[1:], true
	}
	if !listItem(lines[0]) {
		return "", nil, false
	}
	return "", lines, true
}

// listItem reports whether a line could be one name of a list: short and
// without punctuation.
func listItem(l string) bool {
	return len(l) <= 90 && utf8.RuneCountInString(l) <= 30 && !strings.ContainsAny(l, "，,。；;：:、！？!?")
}

// listHeading is the heading a list of names may open with: a numbered
// section (一、, （二）, 3.), a line ending with a colon, or a title with its
// count (科技小巨人企业（4家）).
var listHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．]).{1,30}$|^.{1,30}[:：]$|^.{1,30}[（(](?:\d+|[一二两三四五六七八九十]+)[家个项所][）)]$`)

// ruleRow reports whether a line only draws a table's rule: bars, dashes,
// colons and spaces (|---|:--:|).
func ruleRow(line string) bool {
	if !strings.Contains(line, "-") || !strings.Contains(line, "|") && !strings.Contains(line, "｜") {
		return false
	}
	return strings.Trim(line, "|｜-—:： \t") == ""
}

// mayBeByline reports whether a line could be a byline: a short one
// starting with ◎ or with a reporter's, photographer's or editor's role,
// perhaps after 本报, 特约, 见习 or 实习 (bylineLine's openings).
func mayBeByline(line string) bool {
	if len(line) > 400 {
		return false
	}
	if strings.HasPrefix(line, "◎") {
		return true
	}
	// Two characters before the role, and the longest role (责任编辑).
	head := prefixBytes(line, len("本报")+len("责任编辑"))
	for _, w := range bylineRoles {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

var bylineRoles = []string{"记者", "通讯员", "实习生", "摄影", "撰稿", "编辑", "责编"}

// prefixBytes returns at most the first n bytes of s, cut at a rune
// boundary; suffixBytes the last n.
func prefixBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func suffixBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// cutMidSentence reports whether a paragraph ends without closing
// punctuation although it is body text (long and punctuated, unlike a title).
func cutMidSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(terminal, last) {
		return false
	}
	return (len(s) >= 4*8 || utf8.RuneCountInString(s) >= 8) && containsAnyOf(s, "，。、,；")
}

// continues reports whether a paragraph can be the rest of a cut sentence.
func continues(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r) || unicode.IsDigit(r) || unicode.IsLower(r) || strings.ContainsRune("，、。）)”", r)
}
