package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// ErrNoCJKFont is returned for PNG output when no font with Chinese glyphs
// can be found.
var ErrNoCJKFont = errors.New("no font with Chinese glyphs found for PNG (install fonts-noto-cjk, or pass --font FILE or set PARKGRAPH_FONT); SVG output needs no font: write FILE.svg instead")

// FontEnv names the environment variable that points PNG rendering at a
// font file.
const FontEnv = "PARKGRAPH_FONT"

// knownFonts are the usual places of fonts with Chinese glyphs, best first:
// Noto Sans CJK (the font labels are measured for) on Debian, Arch and
// Fedora, Source Han Sans, then fonts of the same square ideographs.
var knownFonts = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
	"/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf",
	"/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
	"/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	"/System/Library/Fonts/Hiragino Sans GB.ttc",
	"/System/Library/Fonts/STHeiti Medium.ttc",
	"/Library/Fonts/Arial Unicode.ttf",
	`C:\Windows\Fonts\msyh.ttc`,
	`C:\Windows\Fonts\simhei.ttf`,
}

// fontNameHints pick font files with Chinese glyphs out of a font folder
// when none of knownFonts is there.
var fontNameHints = []string{"notosanscjk", "notosanssc", "sourcehansans", "wqy-", "droidsansfallback", "msyh", "simhei", "hiragino sans gb", "stheiti"}

// cjkFont is an open font file with a face that has Chinese glyphs.
type cjkFont struct {
	path     string
	file     *os.File
	regular  *sfnt.Font
	bold     *sfnt.Font // nil when there is no bold companion
	boldFile *os.File
	faces    map[faceKey]font.Face
}

type faceKey struct {
	size float64
	bold bool
}

// openCJKFont opens the font file given, or the one in $PARKGRAPH_FONT, or
// the first known or found font with Chinese glyphs.
func openCJKFont(path string) (*cjkFont, error) {
	if path == "" {
		path = os.Getenv(FontEnv)
	}
	if path != "" {
		f, err := loadCJKFont(path)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", path, err)
		}
		return f, nil
	}
	for _, p := range append(append([]string(nil), knownFonts...), searchFontDirs()...) {
		if f, err := loadCJKFont(p); err == nil {
			return f, nil
		}
	}
	return nil, ErrNoCJKFont
}

// fontDirs are the folders searched for a font when none of knownFonts
// exists.
var fontDirs = func() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"), filepath.Join(home, "Library/Fonts"))
	}
	switch runtime.GOOS {
	case "darwin":
		dirs = append(dirs, "/System/Library/Fonts", "/Library/Fonts")
	case "windows":
		dirs = append(dirs, filepath.Join(os.Getenv("WINDIR"), "Fonts"))
	}
	return dirs
}()

// searchFontDirs lists font files in fontDirs whose names suggest Chinese
// glyphs, in sorted order.
func searchFontDirs() []string {
	var out []string
	for _, d := range fontDirs {
		filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			name := strings.ToLower(e.Name())
			ext := filepath.Ext(name)
			if ext != ".ttc" && ext != ".ttf" && ext != ".otf" || strings.Contains(name, "bold") {
				return nil
			}
			for _, h := range fontNameHints {
				if strings.Contains(name, h) {
					out = append(out, p)
					break
				}
			}
			return nil
		})
	}
	sort.Strings(out)
	return out
}

// loadCJKFont opens a font file or collection and picks its Simplified
// Chinese face, or else its first face with Chinese glyphs. A bold
// companion ("…-Bold.…" beside "…-Regular.…") is used for bold text.
func loadCJKFont(path string) (*cjkFont, error) {
	file, face, err := openFace(path)
	if err != nil {
		return nil, err
	}
	f := &cjkFont{path: path, file: file, regular: face, faces: map[faceKey]font.Face{}}
	if bp := strings.Replace(path, "Regular", "Bold", 1); bp != path {
		if bfile, bface, err := openFace(bp); err == nil {
			f.bold, f.boldFile = bface, bfile
		}
	}
	return f, nil
}

func openFace(path string) (*os.File, *sfnt.Font, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	c, err := opentype.ParseCollectionReaderAt(file)
	if err != nil {
		file.Close()
		return nil, nil, err
	}
	var buf sfnt.Buffer
	var best *sfnt.Font
	for i := 0; i < c.NumFonts(); i++ {
		f, err := c.Font(i)
		if err != nil {
			continue
		}
		if g, err := f.GlyphIndex(&buf, '中'); err != nil || g == 0 {
			continue
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		if best == nil || isSimplified(name) {
			best = f
			if isSimplified(name) {
				break
			}
		}
	}
	if best == nil {
		file.Close()
		return nil, nil, errors.New("no Chinese glyphs")
	}
	return file, best, nil
}

func isSimplified(family string) bool {
	return strings.HasSuffix(family, " SC") || strings.Contains(family, "GB") || strings.Contains(family, "Simplified")
}

// face returns a face of the font at size pixels.
func (f *cjkFont) face(size float64, bold bool) (font.Face, error) {
	k := faceKey{size, bold && f.bold != nil}
	if fc, ok := f.faces[k]; ok {
		return fc, nil
	}
	src := f.regular
	if k.bold {
		src = f.bold
	}
	fc, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.path, err)
	}
	f.faces[k] = fc
	return fc, nil
}

func (f *cjkFont) Close() error {
	for _, fc := range f.faces {
		fc.Close()
	}
	if f.boldFile != nil {
		f.boldFile.Close()
	}
	return f.file.Close()
}
