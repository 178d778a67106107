package server

import (
	"bytes"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

// builtInServer is the address Cayley's web UI was compiled with.
const builtInServer = `"http://localhost:64210"`

// serverExpr replaces it: the UI talks to whichever address served it.
const serverExpr = `window.location.origin`

// The UI loads its editor, Monaco, from a CDN. With a local copy
// (Options.MonacoDir) the UI is pointed at /monaco/vs on this server instead,
// so that it works without Internet access.
const (
	monacoVersion = "0.18.1"
	monacoCDN     = "https://cdn.jsdelivr.net/npm/monaco-editor@" + monacoVersion + "/min/vs"
	monacoPath    = "/monaco/vs"
)

// savedQueriesLink is added to the UI's page: a way to the saved queries.
const savedQueriesLink = `<a href="/queries" id="parkgraph-saved-queries" style="position:fixed;right:16px;bottom:12px;z-index:10;font:14px sans-serif;background:#fff;padding:4px 10px;border:1px solid #ccc;border-radius:4px;text-decoration:none">Saved queries</a>`

// uiFiles serves the Cayley web UI embedded in the cayley module, with the
// built-in server address rewritten in the files that hold it.
type uiFiles struct {
	root      fs.FS
	rewritten map[string][]byte
	files     http.Handler
	monaco    http.Handler // the local Monaco, or nil
	modTime   time.Time
}

func newUIFiles(monacoDir string) (*uiFiles, error) {
	root, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, err
	}
	u := &uiFiles{root: root, rewritten: map[string][]byte{}, files: http.FileServer(http.FS(root)), modTime: time.Now()}
	err = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".map") {
			return err
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".js") && (bytes.Contains(b, []byte(builtInServer)) || bytes.Contains(b, []byte(monacoCDN))):
			b = bytes.ReplaceAll(b, []byte(builtInServer), []byte(serverExpr))
			if monacoDir != "" {
				b = bytes.ReplaceAll(b, []byte(`"`+monacoCDN), []byte(serverExpr+`+"`+monacoPath))
			}
			u.rewritten[p] = b
		case p == "index.html":
			u.rewritten[p] = bytes.Replace(b, []byte("</body>"), []byte(savedQueriesLink+"</body>"), 1)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(u.rewritten) < 2 {
		return nil, fs.ErrNotExist // the UI build changed: its server address was not found
	}
	if monacoDir != "" {
		if _, err := os.Stat(filepath.Join(monacoDir, "loader.js")); err != nil {
			return nil, fmt.Errorf("monaco: %s holds no loader.js; give the min/vs folder of monaco-editor %s (npm install monaco-editor@%s)", monacoDir, monacoVersion, monacoVersion)
		}
		u.monaco = http.StripPrefix(monacoPath, http.FileServer(http.Dir(monacoDir)))
	}
	return u, nil
}

func (u *uiFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, r.Method+" "+r.URL.Path+": the web UI's files are read with GET")
		return
	}
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if p == "" {
		p = "index.html"
	}
	if strings.HasSuffix(p, "service-worker.js") {
		// The UI unregisters its service worker; do not offer one that
		// would cache an old build.
		http.NotFound(w, r)
		return
	}
	if u.monaco != nil && strings.HasPrefix(r.URL.Path, monacoPath+"/") {
		w.Header().Set("Cache-Control", "max-age=86400")
		u.monaco.ServeHTTP(w, r)
		return
	}
	if b, ok := u.rewritten[p]; ok {
		if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, p, u.modTime, bytes.NewReader(b))
		return
	}
	u.files.ServeHTTP(w, r)
}
