package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

const investData = "testdata/invest"

// TestInvestMetricsGolden runs invest metrics on the example ledger
// (testdata/invest, a copy of examples/invest) at every level; the outputs
// are golden files (go test -run TestInvestMetrics -update rewrites them).
// The figures of the county run are worked by hand in the comments of
// internal/invest's tests of the same rules; here the point is the file
// contract: columns, order, number format, empty cells.
func TestInvestMetricsGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"county", []string{"--level", "county", "--from", "2024-01", "--to", "2024-12", "--cohort", "第三十届兰洽会"}},
		{"county-scope", []string{"--level", "county", "--county-scope", "county", "--from", "2024-01", "--to", "2024-06", "--cohort-year", "2024"}},
		{"prefecture", []string{"--level", "prefecture", "--from", "2024-01", "--to", "2024-12"}},
		{"province-targets", []string{"--level", "province", "--from", "2024-01", "--to", "2024-12", "--cohort", "第三十届兰洽会", "--targets", investData + "/targets.csv"}},
		{"county-targets", []string{"--level", "county", "--from", "2024-03", "--to", "2024-12", "--targets", investData + "/targets.csv", "--overdue-months", "3"}},
		{"zone", []string{"--level", "zone", "--from", "2024-01", "--to", "2024-12", "--cohort-year", "2024"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "m.csv")
			args := append([]string{"invest", "metrics", "--projects", investData + "/projects.csv", "--funds", investData + "/funds.csv", "--out", out}, c.args...)
			code, _, stderr := run(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			golden(t, out, filepath.Join(investData, c.name+".golden.csv"))
		})
	}
}

// TestInvestMetricsXLSX reads the same ledger from workbooks, with date
// cells: the output is the CSV run's.
func TestInvestMetricsXLSX(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"projects", "funds"} {
		f, err := os.Open(filepath.Join(investData, name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		tb, err := table.Read(name, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		// Dates and months go in as date cells (Excel's serial days), as
		// WPS and Excel store them.
		rows := [][]any{toAny(tb.Header)}
		for _, r := range tb.Rows {
			row := toAny(r)
			for c, h := range tb.Header {
				if v := r[c]; v != "" && (strings.HasSuffix(h, "日期") || h == "月份") {
					if h == "月份" {
						v += "-01"
					}
					d, err := time.Parse(time.DateOnly, v)
					if err != nil {
						t.Fatal(err)
					}
					row[c] = int(d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
				}
			}
			rows = append(rows, row)
		}
		if err := xlsx.WriteFile(filepath.Join(dir, name+".xlsx"), []xlsx.Sheet{{Name: "台账", Rows: rows}}); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "m.csv")
	code, _, stderr := run(t, "invest", "metrics", "--projects", filepath.Join(dir, "projects.xlsx"), "--funds", filepath.Join(dir, "funds.xlsx"),
		"--level", "county", "--from", "2024-01", "--to", "2024-12", "--cohort", "第三十届兰洽会", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden(t, out, filepath.Join(investData, "county.golden.csv"))
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func TestInvestMetricsErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "m.csv")
	for _, c := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"bad files", []string{"--projects", investData + "/projects-bad.csv", "--funds", investData + "/funds-bad.csv", "--level", "county", "--from", "2024-01", "--to", "2024-12"},
			investData + "/projects-bad.csv:2:7: the date must be YYYY-MM-DD, found \"2024/03/15\"\n" +
				investData + "/projects-bad.csv:3:5: 投资方代码 \"91310000MA1FL0001X\" is not a valid 统一社会信用代码 (a domestic investor needs the 18-character code with a correct check character)\n" +
				investData + "/projects-bad.csv:3:9: the amount must be a number of 亿元, found \"十\"\n" +
				investData + "/funds-bad.csv:2:2: the month must be YYYY-MM, found \"2024-4\"\n" +
				investData + "/funds-bad.csv:3:1: unknown 项目编号 \"SL-9\" (not in the projects table)\n" +
				investData + "/funds-bad.csv:4:4: 资金来源 must be one of 股东出资, 企业自有, 外地金融机构, 本地金融机构, 政府资金, 专项债; found \"银行贷款\"\n"},
		{"bad month option", []string{"--projects", investData + "/projects.csv", "--funds", investData + "/funds.csv", "--level", "county", "--from", "2024-1", "--to", "2024-12"},
			"qiangxian: --from must be YYYY-MM: 2024-1\n"},
		{"both cohorts", []string{"--projects", investData + "/projects.csv", "--funds", investData + "/funds.csv", "--level", "county", "--from", "2024-01", "--to", "2024-12", "--cohort", "x", "--cohort-year", "2024"},
			"qiangxian: give --cohort or --cohort-year, not both\n"},
		{"bad level", []string{"--projects", investData + "/projects.csv", "--funds", investData + "/funds.csv", "--level", "city", "--from", "2024-01", "--to", "2024-12"},
			"qiangxian: --level must be province, prefecture, county or zone: city\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"invest", "metrics", "--lang", "en", "--out", out}, c.args...)
			code, _, stderr := run(t, args...)
			if code != 2 || stderr != c.stderr {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", code, stderr, c.stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was written", out)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
	// In Chinese by default.
	code, _, stderr := run(t, "invest", "metrics", "--out", out, "--projects", investData+"/projects.csv", "--funds", investData+"/funds-bad.csv",
		"--level", "county", "--from", "2024-01", "--to", "2024-12")
	if first := strings.SplitN(stderr, "\n", 2)[0]; code != 2 || first != investData+"/funds-bad.csv:2:1: 未知的项目编号 \"SL-1\"（项目表中没有）" {
		t.Errorf("exit %d, %q", code, first)
	}
}

// TestInvestMetricsWorkbookErrors: errors in a workbook are placed at cells.
func TestInvestMetricsWorkbookErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.xlsx")
	head := []any{"项目编号", "项目名称", "所在地代码", "投资方", "投资方代码", "投资方所在地", "签约日期", "签约活动", "协议投资额", "合同开工日期", "实际开工日期", "合同投产日期", "实际投产日期", "终止日期", "增资对象"}
	row := []any{"P1", "甲", "620622", "某", "", "HK", "2024-13-01", "", 1, "", "", "", "", "", ""}
	if err := xlsx.WriteFile(p, []xlsx.Sheet{{Name: "项目", Rows: [][]any{head, row}}}); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "invest", "metrics", "--lang", "en", "--projects", p, "--funds", investData+"/funds.csv",
		"--level", "county", "--from", "2024-01", "--to", "2024-12", "--out", filepath.Join(dir, "m.csv"))
	if !strings.HasPrefix(stderr, p+":项目!G2: the date must be YYYY-MM-DD, found \"2024-13-01\"\n") || code != 2 {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestImportInvest loads the example ledger with import --kind projects and
// --kind funds; a bad funds table is refused with its cells and writes no
// revision.
func TestImportInvest(t *testing.T) {
	for _, pg := range []bool{false, true} {
		t.Run(map[bool]string{false: "sqlite", true: "postgres"}[pg], func(t *testing.T) {
			dsn := importDB(t, pg)
			code, out, stderr := run(t, "import", "--db", dsn, "--kind", "projects", "--file", investData+"/projects.csv", "--lang", "en")
			if code != 0 || !strings.Contains(out, "(invest-projects, by cli") {
				t.Fatalf("exit %d: %s%s", code, out, stderr)
			}
			code, _, stderr = run(t, "import", "--db", dsn, "--kind", "funds", "--file", investData+"/funds-bad.csv", "--lang", "en")
			if code != 2 || !strings.HasPrefix(stderr, investData+"/funds-bad.csv:2:1: unknown 项目编号 \"SL-1\"") {
				t.Fatalf("bad funds: exit %d: %s", code, stderr)
			}
			code, out, stderr = run(t, "import", "--db", dsn, "--kind", "funds", "--file", investData+"/funds.csv", "--lang", "en")
			if code != 0 || !strings.Contains(out, "revision 2 (invest-funds") {
				t.Fatalf("exit %d: %s%s", code, out, stderr)
			}
		})
	}
}
