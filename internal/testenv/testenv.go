// Package testenv lets tests that need an outside program or server skip
// when it is missing, except under PARKGRAPH_REQUIRE_ALL=1 (as in CI), where a
// missing dependency fails the test instead.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// RequireAll reports whether missing dependencies must fail tests.
func RequireAll() bool { return os.Getenv("PARKGRAPH_REQUIRE_ALL") == "1" }

// Missing skips or fails the test because what is named is not available.
func Missing(t testing.TB, what, why string) {
	t.Helper()
	if RequireAll() {
		t.Fatalf("%s is required (PARKGRAPH_REQUIRE_ALL=1) but missing: %s", what, why)
	}
	t.Skipf("skipped: %s is missing (%s); .ci/run installs it", what, why)
}

// Program returns the path of an installed program, or skips/fails the test.
func Program(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, "not on PATH")
	}
	return p
}

// RepoRoot returns the repository's top folder (the one holding go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the source tree")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Shared returns the path of ../shared (the evaluation data, schemas and
// client checks beside the repository), or skips the test when it is absent:
// the folder is other people's data, not a dependency CI can install.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("PARKGRAPH_SHARED")
	if dir == "" {
		dir = filepath.Join(RepoRoot(t), "..", "shared")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipped: ../shared/%s is absent (the shared evaluation folder beside the repository; set PARKGRAPH_SHARED to its path)", rel)
	}
	return p
}
