package server

import (
	"bytes"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

// builtInServer is the address Cayley's web UI was compiled with.
const builtInServer = `"http://localhost:64210"`

// serverExpr replaces it: the UI talks to whichever address served it.
const serverExpr = `window.location.origin`

// savedQueriesLink is added to the UI's page: a way to the saved queries.
const savedQueriesLink = `<a href="/queries" id="parkgraph-saved-queries" style="position:fixed;right:16px;bottom:12px;z-index:10;font:14px sans-serif;background:#fff;padding:4px 10px;border:1px solid #ccc;border-radius:4px;text-decoration:none">Saved queries</a>`

// uiFiles serves the Cayley web UI embedded in the cayley module, with the
// built-in server address rewritten in the files that hold it.
type uiFiles struct {
	root      fs.FS
	rewritten map[string][]byte
	files     http.Handler
	modTime   time.Time
}

func newUIFiles() (*uiFiles, error) {
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
		case strings.HasSuffix(p, ".js") && bytes.Contains(b, []byte(builtInServer)):
			u.rewritten[p] = bytes.ReplaceAll(b, []byte(builtInServer), []byte(serverExpr))
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
