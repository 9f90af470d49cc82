package ledger

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/invest/ledgerio"
	"github.com/qiangxian/qiangxian/internal/table"
)

var update = flag.Bool("update", false, "rewrite examples/gansu/invest from the generator")

const shipped = "../../../examples/gansu/invest"

// province returns the province row of the ledger's metrics for o.
func province(t *testing.T, l *invest.Ledger, o invest.Options) map[string]string {
	t.Helper()
	o.Level, o.Scope, o.OverdueMonths = invest.LevelProvince, invest.ScopePrefecture, invest.DefaultOverdueMonths
	rows := invest.Compute(l, o)
	if len(rows) != 1 {
		t.Fatalf("%d province rows", len(rows))
	}
	out := map[string]string{}
	for i, c := range rows[0].Cells(false) {
		out[invest.Columns[i]] = c
	}
	return out
}

// checkFigures checks the published figures on a ledger.
func checkFigures(t *testing.T, l *invest.Ledger) {
	t.Run("years", func(t *testing.T) {
		for _, c := range []struct{ year, count, funds string }{
			{"2020", "1209", "3001.07"}, // published
			{"2021", "1705", "3772.51"}, // interpolated: 1209 × (3391/1209)^(1/3)
			{"2022", "2405", "4742.25"},
			{"2023", "3391", "5961.26"}, // published
		} {
			from, _ := invest.ParseMonth(c.year + "-01")
			to, _ := invest.ParseMonth(c.year + "-12")
			got := province(t, l, invest.Options{From: from, To: to})
			if got["signed_count"] != c.count || got["funds"] != c.funds {
				t.Errorf("%s: signed_count %s funds %s, want %s and %s", c.year, got["signed_count"], got["funds"], c.count, c.funds)
			}
		}
	})
	t.Run("fair", func(t *testing.T) {
		got := province(t, l, invest.Options{From: 201306, To: 201508, Cohort: "第十九届兰洽会"})
		// 2794.49 / 6129.09 = 0.455938…; 907 / 1093 = 0.829826…;
		// 401 / 1093 = 0.366880…: the published 45.59 %, 82.98 %, 36.69 %.
		want := map[string]string{"cohort_projects": "1093", "cohort_amount": "6129.09", "cohort_funds": "2794.49",
			"in_place_rate": table.FormatNumber(2794.49 / 6129.09), "start_rate": table.FormatNumber(907.0 / 1093),
			"completion_rate": table.FormatNumber(401.0 / 1093)}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s = %s, want %s", k, got[k], w)
			}
		}
	})
}

func TestGenerated(t *testing.T) { checkFigures(t, &Generate().Ledger) }

// TestShipped: examples/gansu/invest is what the generator writes, and the
// command line's readers give the published figures from it.
func TestShipped(t *testing.T) {
	d := Generate()
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer, *Demo) error
	}{
		{"projects.csv", func(b *bytes.Buffer, d *Demo) error { return WriteProjects(b, d) }},
		{"funds.csv", func(b *bytes.Buffer, d *Demo) error { return WriteFunds(b, d) }},
	} {
		var b bytes.Buffer
		if err := f.write(&b, d); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(shipped, f.name)
		if *update {
			if err := os.MkdirAll(shipped, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, b.Bytes()) {
			t.Errorf("examples/gansu/invest/%s is not what the generator writes: go test -run TestShipped -update", f.name)
		}
	}
	open := func(name string) *table.Table {
		f, err := os.Open(filepath.Join(shipped, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		tb, err := table.Read(name, f)
		if err != nil {
			t.Fatal(err)
		}
		return tb
	}
	l, err := ledgerio.ReadLedger(open("projects.csv"), open("funds.csv"))
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, l)
}
