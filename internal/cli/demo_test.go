package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoGenerate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "gansu") // created by the command
	code, out, errs := run(t, "demo", "generate", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, f := range []string{"data-2021.xlsx", "data-2022.xlsx", "events-2022.csv", "targets-2022.csv"} {
		p := filepath.Join(dir, f)
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
		if !strings.Contains(out, p) {
			t.Errorf("output does not list %s:\n%s", p, out)
		}
	}
	if !strings.Contains(out, "示例数据") {
		t.Errorf("output does not say the data is sample data:\n%s", out)
	}
}

func TestDemoUsage(t *testing.T) {
	for _, args := range [][]string{{"demo"}, {"demo", "make"}, {"demo", "generate"}, {"demo", "generate", "--out", "x", "extra"}} {
		if code, _, errs := run(t, args...); code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
}
