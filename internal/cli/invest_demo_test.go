package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

// TestInvestMetricsGansuDemo runs invest metrics on the shipped demo ledger
// (examples/gansu/invest, internal/demo/ledger) and checks the published
// provincial figures it reproduces (shared/notes/sources.md).
func TestInvestMetricsGansuDemo(t *testing.T) {
	const dir = gansu + "/invest"
	metrics := func(t *testing.T, args ...string) map[string]string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "m.csv")
		args = append([]string{"invest", "metrics", "--projects", dir + "/projects.csv", "--funds", dir + "/funds.csv",
			"--level", "province", "--out", out}, args...)
		if code, _, stderr := run(t, args...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil || len(rows) != 2 {
			t.Fatalf("%d rows, %v", len(rows), err)
		}
		got := map[string]string{}
		for i, c := range rows[0] {
			got[c] = rows[1][i]
		}
		return got
	}
	check := func(t *testing.T, got, want map[string]string) {
		t.Helper()
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s = %s, want %s", k, got[k], w)
			}
		}
	}
	t.Run("2020", func(t *testing.T) {
		// Published: 签约项目 1,209, 到位资金 3,001.07亿元.
		check(t, metrics(t, "--from", "2020-01", "--to", "2020-12"),
			map[string]string{"unit": "620000", "signed_count": "1209", "funds": "3001.07"})
	})
	t.Run("2023", func(t *testing.T) {
		// Published: 3,391 and 5,961.26亿元; the 2022 base (4,742.25, the
		// demo's interpolation) gives yoy 5961.26 / 4742.25 − 1 = 0.25705…
		check(t, metrics(t, "--from", "2023-01", "--to", "2023-12"),
			map[string]string{"signed_count": "3391", "funds": "5961.26", "funds_prev": "4742.25",
				"yoy": table.FormatNumber((5961.26 - 4742.25) / 4742.25)})
	})
	t.Run("第十九届兰洽会", func(t *testing.T) {
		// 1,093 projects, 6,129.09亿元 signed, 2,794.49亿元 in place by
		// 2015-08: 2794.49 / 6129.09 = 45.59 %; 907 / 1093 = 82.98 %
		// started; 401 / 1093 = 36.69 % built.
		check(t, metrics(t, "--from", "2013-06", "--to", "2015-08", "--cohort", "第十九届兰洽会"),
			map[string]string{"cohort_projects": "1093", "cohort_amount": "6129.09", "cohort_funds": "2794.49",
				"in_place_rate": table.FormatNumber(2794.49 / 6129.09), "start_rate": table.FormatNumber(907.0 / 1093),
				"completion_rate": table.FormatNumber(401.0 / 1093)})
	})
}
