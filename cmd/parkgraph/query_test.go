package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestQueryCommand(t *testing.T) {
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "db")
	if code, _, stderr := runCLI(t, "build", "--db", db, "--out", filepath.Join(dir, "out"), "../../seeds"); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}

	code, stdout, stderr := runCLI(t, "query", "enterprises_of_park", "--db", db, "--param", "park=pg:park/白马园区", "--format", "json")
	if code != 0 {
		t.Fatalf("query exited %d: %s", code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil {
		t.Fatalf("--format json is not JSON: %v\n%s", err, stdout)
	}
	if len(rows) != 1 || rows[0]["name"] != "四川绿建筑钢构有限公司" {
		t.Errorf("enterprises of 白马园区: %v", rows)
	}

	code, stdout, stderr = runCLI(t, "query", "honour_detail", "--db", db, "--param", "honour=<pg:honor/瞪羚企业>")
	if code != 0 {
		t.Fatalf("query exited %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "holders") || !strings.Contains(lines[1], "江西航同电气科技有限公司") {
		t.Errorf("table:\n%s", stdout)
	}

	file := filepath.Join(dir, "adhoc.js")
	os.WriteFile(file, []byte(`g.V(params.e).Out("<pg:listed_on>").Out("<pg:name>").All();`), 0o644)
	code, stdout, stderr = runCLI(t, "query", file, "--db", db, "--param", "e=pg:enterprise/江西亿铂电子科技有限公司")
	if code != 0 || !strings.Contains(stdout, "美国纳斯达克交易所") {
		t.Errorf("ad-hoc query exited %d: %s%s", code, stdout, stderr)
	}

	os.WriteFile(file, []byte(`while (true) {}`), 0o644)
	code, _, stderr = runCLI(t, "query", file, "--db", db, "--timeout", "300ms")
	if code != 1 || !strings.Contains(stderr, "stopped after 300ms") {
		t.Errorf("endless query: exit %d, %s", code, stderr)
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"query", "no_such_query", "--db", db}, 2, "no saved query \"no_such_query\""},
		{[]string{"query", "park_honours", "--db", db, "--param", "size=3"}, 2, "has no parameter \"size\" (it takes: park)"},
		{[]string{"query", "park_honours", "--db", db, "--param", "park"}, 2, "want NAME=VALUE"},
		{[]string{"query", "park_honours", "--db", db, "--format", "xml"}, 2, "want table or json"},
		{[]string{"query", "park_honours", "--db", "bolt:" + filepath.Join(dir, "none")}, 1, "no store at"},
		{[]string{"query", filepath.Join(dir, "missing.js"), "--db", db}, 2, "read query"},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", c.args, code, stderr, c.code, c.want)
		}
	}
}
