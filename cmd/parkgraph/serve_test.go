package main

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"parkgraph/graph/store"
)

// TestServeSIGTERM runs "parkgraph serve" as a process, sends it SIGTERM
// while a query that never ends is running, and checks that it stops in
// time, says so and leaves the store closed and whole.
func TestServeSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "db")
	if code, _, stderr := runCLI(t, "build", "--db", db, "--out", filepath.Join(dir, "out"), "../../seeds"); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}
	bin := filepath.Join(dir, "parkgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--timeout", "1m", "--grace", "500ms")
	stdout, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewReader(stdout)
	first, err := lines.ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v; stderr: %s", err, stderr.String())
	}
	m := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)/`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("first line: %q", first)
	}
	url := m[1]
	if strings.Contains(stderr.String(), "warning") {
		t.Errorf("warning on loopback: %s", stderr.String())
	}
	resp, err := http.Get(url + "/health")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("health: %v", err)
	}
	resp.Body.Close()
	go func() {
		resp, err := http.Post(url+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader("while (true) {}"))
		if err == nil {
			resp.Body.Close()
		}
	}()
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(lines)
	err = cmd.Wait()
	if err != nil {
		t.Errorf("serve exited with %v; stderr: %s", err, stderr.String())
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("stopping took %s", took)
	}
	if !strings.Contains(string(rest), "stopped; store closed") {
		t.Errorf("stdout after SIGTERM: %q", rest)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatalf("store after SIGTERM: %v", err)
	}
	defer st.Close()
	if n, err := st.Stats(t.Context()); err != nil || n < 400 {
		t.Errorf("store after SIGTERM: %d quads, %v", n, err)
	}
}

// TestServeErrors checks the errors serve gives before it listens.
func TestServeErrors(t *testing.T) {
	code, _, stderr := runCLI(t, "serve", "--db", "bolt:"+filepath.Join(t.TempDir(), "none"))
	if code != 1 || !strings.Contains(stderr, "no store at") {
		t.Errorf("serve without a store: exit %d, %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "serve", "--cors", "example.org")
	if code != 2 || !strings.Contains(stderr, "give an origin as https://example.org") {
		t.Errorf("--cors without a scheme: exit %d, %s", code, stderr)
	}
}
