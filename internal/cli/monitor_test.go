package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/xlsx"
)

const monitorData = "testdata/monitor"

// TestMonitorGolden runs qiangxian monitor on a small province: gdp with
// the province's supplied growth and growth targets, inv with the
// province's growth from its own earlier value, absolute targets and a
// seasonal benchmark, ret without a province row (县区合计). The numbers
// are worked by hand in internal/monitor's tests; here the file format is
// fixed: go test -run TestMonitorGolden -update rewrites want.csv after a
// deliberate change.
func TestMonitorGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "m.csv")
	code, stdout, stderr := run(t, "monitor", "--data", monitorData+"/data.csv", "--targets", monitorData+"/targets.csv",
		"--period", "2023-06", "--benchmark", monitorData+"/benchmark.csv", "--out", out, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(monitorData, "want.csv")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("monitoring table (-want +got):\n%s", d)
	}
	if !strings.HasPrefix(string(got), "unit,indicator,value,growth,rank,value_rank,province_growth,diff_pp,target,completion,elapsed,schedule_gap,light\n") {
		t.Errorf("header (or a BOM) wrong: %q", strings.SplitN(string(got), "\n", 2)[0])
	}
	if stdout != "monitoring table written to "+out+" (2023-06, 11 rows)\n" {
		t.Errorf("stdout %q", stdout)
	}
	// The prefecture 620100's inv target 1800 is more than its counties'
	// 800 + 400 + 500 = 1700: a warning, not an error.
	if !strings.Contains(stderr, "testdata/monitor/targets.csv: warning: 2023 inv: the targets of the 3 units under 620100 (620102, 620103, 620104) add up to 1700, 100 less than its own target 1800.") {
		t.Errorf("stderr %q", stderr)
	}

	// Without the benchmark, inv's elapsed time is 6 / 12 = 0.5: 620102's
	// gap becomes 0.4125 − 0.5 = −0.0875 and its light, with growth 10 % ≥
	// the province's 5 %, yellow.
	code, _, stderr = run(t, "monitor", "--data", monitorData+"/data.csv", "--targets", monitorData+"/targets.csv",
		"--period", "2023-M06", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := readCSVFile(t, out)
	if r := rows[2]; r[0] != "620102" || r[1] != "inv" || r[10] != "0.5" || r[11] != "-0.08750000000000002" || r[12] != "yellow" {
		t.Errorf("620102 inv without benchmark: %v", r)
	}
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestMonitorWorkbook reads the same figures from a workbook, numbers as
// numeric cells and one period as the date cell Excel makes of a typed
// 2023-06: the table is identical.
func TestMonitorWorkbook(t *testing.T) {
	recs := readCSVFile(t, monitorData+"/data.csv")
	rows := [][]any{{"period", "unit", "indicator", "value", "growth"}}
	for i, r := range recs[1:] {
		row := []any{r[0], r[1], r[2], nil, nil}
		if i == 1 {
			row[0] = 45078 // 2023-06-01
		}
		for c := 3; c < 5; c++ {
			if r[c] != "" {
				v, err := strconv.ParseFloat(r[c], 64)
				if err != nil {
					t.Fatal(err)
				}
				row[c] = v
			}
		}
		rows = append(rows, row)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "d.xlsx")
	if err := xlsx.WriteFile(book, []xlsx.Sheet{{Name: "说明", Rows: [][]any{{"x"}}}, {Name: "数据", Rows: rows}}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.csv")
	code, _, stderr := run(t, "monitor", "--data", book, "--sheet", "数据", "--targets", monitorData+"/targets.csv",
		"--period", "2023-06", "--benchmark", monitorData+"/benchmark.csv", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	want, _ := os.ReadFile(filepath.Join(monitorData, "want.csv"))
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("workbook table (-csv +xlsx):\n%s", d)
	}
}

// TestMonitorErrors checks exit status 2, the exact located lines, and that
// nothing is written.
func TestMonitorErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	goodD := write("d.csv", "period,unit,indicator,value\n2023-06,620102,gdp,1\n")
	goodT := write("t.csv", "year,unit,indicator,target,kind\n2023,620102,gdp,2,absolute\n")
	badD := write("bad-d.csv", "period,unit,indicator,value,growth\n2023-06,620102,gdp,1,\n2023-13,620102,gdp,1,\n2023-06,620102,gdp,x,\n")
	badT := write("bad-t.csv", "year,unit,indicator,target,kind\n2023,620102,gdp,2,relative\n")
	badB := write("bad-b.csv", "indicator,month,share\ngdp,6,50\n")
	noCol := write("nocol.csv", "period,unit,value\n2023-06,620102,1\n")
	book := filepath.Join(dir, "d.xlsx")
	if err := xlsx.WriteFile(book, []xlsx.Sheet{{Name: "数据", Rows: [][]any{
		{"period", "unit", "indicator", "value"}, {"2023-06", "620102", "gdp", 1}, {"2023-06", "620103", "gdp", "一千"}}}}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.csv")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"data cells, in English", []string{"--data", badD, "--targets", goodT, "--lang", "en"},
			badD + ":3:1: the period should be YYYY-MM (2023-06 is January–June cumulative), found \"2023-13\"\n" +
				badD + ":4:2: unit 620102, indicator gdp, period 2023-06 is given twice (first on line 2)\n" +
				badD + ":4:4: expected a number, found \"x\"\n"},
		{"data cell, in Chinese by default", []string{"--data", badD, "--targets", goodT},
			badD + ":3:1: 期间应为 YYYY-MM（如 2023-06，即 1–6月累计），实际为 \"2023-13\"\n" +
				badD + ":4:2: 单位 620102 的指标 gdp 在 2023-06 重复（第一次在第 2 行）\n" +
				badD + ":4:4: 应为数值，实际为 \"x\"\n"},
		{"problems of all three files together", []string{"--data", noCol, "--targets", badT, "--benchmark", badB, "--lang", "en"},
			noCol + ":1: missing column \"indicator\"\n" +
				badT + ":2:5: the target kind should be absolute or growth (a growth rate in percent), found \"relative\"\n" +
				badB + ":2:3: the benchmark share should be a fraction between 0 and 1 (45 % is 0.45), found 50\n"},
		{"workbook cell", []string{"--data", book, "--targets", goodT, "--lang", "en"},
			book + ":数据!D3: expected a number, found \"一千\"\n"},
		{"bad --period", []string{"--data", goodD, "--targets", goodT, "--period", "2023-6", "--lang", "en"},
			"qiangxian: --period should be YYYY-MM (such as 2023-06), found \"2023-6\"\n"},
		{"--targets missing", []string{"--data", goodD, "--targets", "", "--lang", "en"},
			"qiangxian: usage: qiangxian monitor --data D.csv|.xlsx --targets T.csv --period YYYY-MM [--benchmark B.csv] --out M.csv\n"},
		{"no such file", []string{"--data", filepath.Join(dir, "none.csv"), "--targets", goodT, "--lang", "en"},
			filepath.Join(dir, "none.csv") + ": cannot read or write the file: no such file or directory\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"monitor", "--period", "2023-06", "--out", out}, c.args...)
			code, stdout, stderr := run(t, args...)
			if code != 2 || stderr != c.want || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr\n%s\nwant\n%s", code, stdout, stderr, c.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s written: %v", out, err)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".m.csv*")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestMonitorNoRowsNamesPeriods: a period with only the province's figure
// or only last year's gives the header alone (one row per unit present in
// the period: none), and stderr names every period the file has, since a
// mistyped --period is the likely cause.
func TestMonitorNoRowsNamesPeriods(t *testing.T) {
	dir := t.TempDir()
	d := filepath.Join(dir, "d.csv")
	os.WriteFile(d, []byte("period,unit,indicator,value\n2023-06,620000,gdp,1\n2022-06,620102,gdp,1\n2023-03,620102,gdp,1\n"), 0o644)
	tg := filepath.Join(dir, "t.csv")
	os.WriteFile(tg, []byte("year,unit,indicator,target,kind\n"), 0o644)
	out := filepath.Join(dir, "m.csv")
	code, _, stderr := run(t, "monitor", "--data", d, "--targets", tg, "--period", "2023-06", "--out", out, "--lang", "en")
	if want := d + ": warning: no figures of non-province units for 2023-06 (the file has: 2022-06, 2023-03, 2023-06)\n"; code != 0 || stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
	}
	got, err := os.ReadFile(out)
	if want := "unit,indicator,value,growth,rank,value_rank,province_growth,diff_pp,target,completion,elapsed,schedule_gap,light\n"; err != nil || string(got) != want {
		t.Errorf("table %q (%v), want the header alone %q", got, err, want)
	}
}
