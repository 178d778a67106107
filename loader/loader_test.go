package loader_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parkgraph/loader"
)

func TestDecodeEncodings(t *testing.T) {
	var want string
	for _, tc := range []struct{ file, enc string }{
		{"article-utf8.txt", loader.EncUTF8},
		{"article-utf8bom.txt", loader.EncUTF8BOM},
		{"article-utf16le.txt", loader.EncUTF16LE},
		{"article-utf16be.txt", loader.EncUTF16BE},
		{"article-gb18030.txt", loader.EncGB18030},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := loader.ReadSource(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			text, enc, invalid, err := loader.Decode(src.Bytes)
			if err != nil || enc != tc.enc || invalid != 0 {
				t.Fatalf("Decode = enc %q, %d invalid, err %v; want %q", enc, invalid, err, tc.enc)
			}
			if want == "" {
				want = text
			}
			if text != want {
				t.Errorf("text differs from the UTF-8 original:\n%q\n%q", text, want)
			}
		})
	}
}

func TestDecodeBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, loader.ErrEmpty},
		{"blank", []byte(" \n\t "), loader.ErrEmpty},
		{"nul bytes", []byte("云岭\x00\x00\x00高新区"), loader.ErrBinary},
		{"random bytes", []byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d}, loader.ErrBinary},
		{"utf16 bom only", []byte{0xff, 0xfe}, loader.ErrEmpty},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := loader.Decode(tc.in)
			if !errors.Is(err, tc.want) {
				t.Errorf("Decode error = %v, want %v", err, tc.want)
			}
		})
	}
	// A few invalid bytes in UTF-8 text are replaced, not fatal.
	text, enc, invalid, err := loader.Decode([]byte("云岭高新区青禾科技有限公司上榜。\xff云岭高新区白鹭精工有限公司落户。"))
	if err != nil || invalid != 1 || !strings.Contains(text, "\uFFFD") || enc != loader.EncUTF8 {
		t.Errorf("stray byte: %q %s %d %v", text, enc, invalid, err)
	}
}

func TestClean(t *testing.T) {
	src, _ := loader.ReadSource("testdata/article-utf8.txt")
	d, err := loader.Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "云岭高新区：培育科创企业" {
		t.Errorf("title = %q", d.Title)
	}
	for _, bad := range []string{"◎", "本报记者", "通讯员", "王五摄", "#"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("cleaned text still holds %q:\n%s", bad, d.Text)
		}
	}
	for _, good := range []string{"园区支持企业积极参与产学研合作。", "图为云岭高新区白沙园区，工人在加工钢构件。"} {
		if !strings.Contains(d.Text, good) {
			t.Errorf("cleaned text lacks %q:\n%s", good, d.Text)
		}
	}
}

func TestCleanCases(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"caption inside a broken sentence moves after it",
			"从金融支持、项目扶持、土地\n\n图为青禾科技有限公司车间。 赵六摄\n\n要素保障等方面给予支持。",
			"从金融支持、项目扶持、土地要素保障等方面给予支持。\n图为青禾科技有限公司车间。"},
		{"a title line is not joined to the body",
			"云岭高新区再添新项目\n\n本报讯 近日，青禾科技有限公司落户云岭高新区。",
			"云岭高新区再添新项目\n近日，青禾科技有限公司落户云岭高新区。"},
		{"a title with commas is not joined to the body",
			"云岭高新区14家企业获评绿色工厂、智能工厂和数字化车间\n\n滇中晚报讯（记者 张三）记者从云岭高新区获悉，名单公布。",
			"云岭高新区14家企业获评绿色工厂、智能工厂和数字化车间\n记者从云岭高新区获悉，名单公布。"},
		{"a news agency dateline goes with its byline",
			"新华社昆明8月29日电（记者 张三）云岭研究院29日在云岭高新区揭牌。",
			"云岭研究院29日在云岭高新区揭牌。"},
		{"a reprint's original headline goes", "园区新增上市企业\n\n原标题：强支撑搭平台 加速上市\n\n3月31日，中心揭牌。", "园区新增上市企业\n3月31日，中心揭牌。"},
		{"a paper's dateline goes", "滇南日报3月2日讯 青禾科技有限公司落户园区。", "青禾科技有限公司落户园区。"},
		{"a sentence that only starts like a dateline stays", "本报记者获悉，园区新增企业。", "本报记者获悉，园区新增企业。"},
		{"inline bylines go", "【记者张三昆明报道】 日前，记者获悉，园区企业增至百家。", "日前，记者获悉，园区企业增至百家。"},
		{"credit alone on a line goes", "图为园区一角。\n\n视觉中国供图", "图为园区一角。"},
		{"table rows stay apart, each ended by ；",
			"名单如下（部分）：\n企业名称 所属领域\n青禾电子科技有限公司 电子信息\n白鹭光电科技有限公司 新型显示\n\n与此同时，园区传来喜讯。",
			"名单如下（部分）：企业名称 所属领域；青禾电子科技有限公司 电子信息；白鹭光电科技有限公司 新型显示\n与此同时，园区传来喜讯。"},
		{"rows with cells set apart by bars stay apart; a Markdown rule goes",
			"签约项目如下：\n| 序号 | 项目名称 | 投资主体 |\n|---|:---:|---|\n| 1 | 年产5万吨轮毂项目 | 青禾精密制造有限公司 |\n2｜白鹭食品项目｜白鹭食品有限公司",
			"签约项目如下：| 序号 | 项目名称 | 投资主体 |；| 1 | 年产5万吨轮毂项目 | 青禾精密制造有限公司 |；2｜白鹭食品项目｜白鹭食品有限公司"},
		{"names one a line under a numbered heading stay apart",
			"具体名单如下：\n\n一、云南省绿色工厂（2家）\n云南青禾电池有限公司\n云南白鹭座椅有限公司\n\n二、云南省智能工厂（1家）\n云南星澜电机有限公司\n云南云帆装备股份有限公司\n\n其中，云南青禾电池有限公司再获认定。",
			"具体名单如下：\n一、云南省绿色工厂（2家）：云南青禾电池有限公司；云南白鹭座椅有限公司\n二、云南省智能工厂（1家）：云南星澜电机有限公司；云南云帆装备股份有限公司\n其中，云南青禾电池有限公司再获认定。"},
		{"a sentence broken across short lines is joined",
			"园区支持企业\n开展技术攻关，取得成效。",
			"园区支持企业开展技术攻关，取得成效。"},
		{"a bullet and a name are no table row",
			"🔹 青禾生物技术有限公司\n拟投资8亿元建设育种中心项目。",
			"🔹 青禾生物技术有限公司拟投资8亿元建设育种中心项目。"},
		{"news agency credit", "图为车间。 新华社记者 杨某某摄", "图为车间。"},
		{"page metadata lines go",
			"青禾科技有限公司入选瞪羚企业\n发布时间：2024-05-12 来源：云岭高新区管委会 浏览次数：1024\n日前，青禾科技有限公司入选瞪羚企业。\n（责任编辑：王小明）\n【打印本页】【关闭窗口】",
			"青禾科技有限公司入选瞪羚企业\n日前，青禾科技有限公司入选瞪羚企业。"},
		{"a sentence that names a source stays", "据来源于园区的统计，企业增至百家。", "据来源于园区的统计，企业增至百家。"},
		{"navigation lines go",
			"首页 > 新闻中心 > 园区动态\n青禾科技有限公司入选瞪羚企业\n【字体：大 中 小】 发布时间：2024-05-12\n日前，青禾科技有限公司入选瞪羚企业。\n上一篇：云岭高新区召开工作会议\n下一篇：白鹭电子有限公司投产\n相关链接：商务部 省商务厅",
			"青禾科技有限公司入选瞪羚企业\n日前，青禾科技有限公司入选瞪羚企业。"},
		{"a sentence that starts with 首页 stays", "首页展示了园区企业。", "首页展示了园区企业。"},
		{"HTML entities left in saved text are read", "青禾科技有限公司&nbsp;&ldquo;入选&rdquo;瞪羚企业。A&B公司成立。", "青禾科技有限公司 “入选”瞪羚企业。A&B公司成立。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := loader.Clean(tc.in)
			if got != tc.want {
				t.Errorf("Clean:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	text := "“企业发展堵在哪儿，我们就做到哪儿。园区每个部门都关心企业。”负责人说，园区帮助企业。该项目总投资约53.6亿元！会议于3月召开？\n未闭合的“引号不会吞掉下一行。\n第三行"
	got := loader.Sentences(text)
	want := []string{
		"“企业发展堵在哪儿，我们就做到哪儿。园区每个部门都关心企业。”负责人说，园区帮助企业。",
		"该项目总投资约53.6亿元！",
		"会议于3月召开？",
		"未闭合的“引号不会吞掉下一行。",
		"第三行",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d: %+v", len(got), len(want), got)
	}
	rs := []rune(text)
	for i, s := range got {
		if s.Text != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, s.Text, want[i])
		}
		if string(rs[s.Span.Start:s.Span.End]) != s.Text || s.Index != i {
			t.Errorf("sentence %d span %v does not hold its text", i, s.Span)
		}
	}
}

func TestHTML(t *testing.T) {
	d, err := loader.Load("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "云岭高新区：培育科创企业" {
		t.Errorf("title = %q", d.Title)
	}
	for _, bad := range []string{"不要这段", "color:red", "首页", "版权所有", "主办"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("HTML text holds %q:\n%s", bad, d.Text)
		}
	}
	if !strings.Contains(d.Text, "云岭高新区3家企业上榜。") || len(d.Sentences) != 3 {
		t.Errorf("HTML text = %q (%d sentences)", d.Text, len(d.Sentences))
	}
	d, err = loader.Load("testdata/nobody.html")
	if err != nil || !strings.Contains(d.Text, "云岭高新区3家企业上榜。") || d.Title != "只有标题的页面" {
		t.Errorf("HTML without body: %v %q %q", err, d.Title, d.Text)
	}
}

// A web page saved under a .txt name is still read as a page.
func TestHTMLUnderTextName(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	page, err := loader.Prepare(loader.Source{Path: "saved-page.txt", Bytes: raw})
	if err != nil {
		t.Fatal(err)
	}
	want, err := loader.Load("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	if page.Text != want.Text || page.Title != want.Title {
		t.Errorf("page saved as .txt reads %q, want %q", page.Text, want.Text)
	}
	// Text that only mentions a tag stays text.
	plain := "云岭高新区3家企业上榜。\n页面源码以<html>开头。"
	d, err := loader.Prepare(loader.Source{Path: "note.txt", Bytes: []byte(plain)})
	if err != nil || !strings.Contains(d.Text, "<html>") {
		t.Errorf("plain text with a tag in it: %v %q", err, d.Text)
	}
}

func TestLoadBadFiles(t *testing.T) {
	for _, f := range []string{"testdata/binary.txt", "testdata/empty.txt", "testdata/missing.txt"} {
		_, err := loader.Load(f)
		if err == nil {
			t.Errorf("Load(%s) succeeded", f)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, f) {
			t.Errorf("Load(%s) error %q: want one line naming the file", f, msg)
		}
	}
}

func TestFiles(t *testing.T) {
	files, err := loader.Files("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	got := strings.Join(names, " ")
	if !strings.Contains(got, "article.html") || !strings.Contains(got, "article-utf8.txt") {
		t.Errorf("Files(testdata) = %s", got)
	}
	if _, err := loader.Files("testdata/nope"); err == nil {
		t.Error("Files of a missing path succeeded")
	}
	if loader.DocumentID("a/b/000_x.txt") != "000_x" {
		t.Error("DocumentID")
	}
}
