package loader

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped are elements whose text is not article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Select: true, atom.Button: true, atom.Iframe: true, atom.Svg: true,
	atom.Template: true, atom.Object: true, atom.Head: true, atom.Menu: true,
}

// blocks are elements that end a line.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Tr: true,
	atom.Section: true, atom.Article: true, atom.Table: true, atom.Blockquote: true,
	atom.Figcaption: true, atom.Figure: true, atom.Dd: true, atom.Dt: true,
	atom.Ul: true, atom.Ol: true, atom.Pre: true, atom.Main: true, atom.Hr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// navClass marks containers that hold site navigation rather than the article.
var navClass = []string{"nav", "menu", "breadcrumb", "foot", "bottom", "header", "sidebar", "share", "copyright", "related"}

// HTMLText returns the title and the body text of an HTML page: scripts,
// styles, navigation, headers and footers dropped; headings written as
// Markdown headings so that Clean treats them as headings. The page's
// <title> is used as the heading when the body has no <h1>.
func HTMLText(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil { // html.Parse only fails on reader errors
		return src
	}
	title := findTitle(doc)
	var hasH1 bool
	var b strings.Builder
	var walk func(n *html.Node, skip bool)
	walk = func(n *html.Node, skip bool) {
		if n.Type == html.ElementNode {
			if skipped[n.DataAtom] || hasNavClass(n) {
				skip = true
			}
			if n.DataAtom == atom.H1 {
				hasH1 = true
			}
		}
		if skip {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.Join(strings.Fields(n.Data), " "))
		case html.ElementNode:
			if blocks[n.DataAtom] {
				b.WriteString("\n\n")
			}
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3:
				b.WriteString(strings.Repeat("#", int(n.DataAtom.String()[1]-'0')) + " ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, skip)
		}
		if n.Type == html.ElementNode && blocks[n.DataAtom] {
			b.WriteString("\n\n")
		}
	}
	walk(doc, false)
	body := b.String()
	if !hasH1 && title != "" {
		body = "# " + title + "\n\n" + body
	}
	return body
}

func findTitle(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Title {
		return strings.TrimSpace(textOf(n))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := findTitle(c); t != "" {
			return t
		}
	}
	return ""
}

func hasNavClass(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, w := range navClass {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return b.String()
}
