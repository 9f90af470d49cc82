package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const asem = "../../testdata/asem"

// run runs the program and returns its exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func readLong(t *testing.T, path string) (head []string, rows [][]string) {
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
	return recs[0], recs[1:]
}

// TestEvaluateExample runs COINr's canonical example through the command
// line and compares every Aggregated value and rank with COINr's.
func TestEvaluateExample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.csv")
	code, stdout, stderr := run(t, "evaluate", "--imeta", asem+"/ASEM_iMeta.csv", "--idata", asem+"/ASEM_iData.csv",
		"--denominate", "--impute", "mean-group:EurAsia_group", "--screen", "0.9", "--treat", "default",
		"--normalise", "minmax:0,100", "--aggregate", "amean", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Sustainable Connectivity (2018)") || !strings.Contains(stdout, "\tRUS\tRussian Federation\t") {
		t.Errorf("stdout does not show the index ranking:\n%s", stdout)
	}
	head, rows := readLong(t, out)
	if strings.Join(head, ",") != "unit,node,level,score,rank" {
		t.Fatalf("header %v", head)
	}
	got := map[string][]string{}
	for _, r := range rows {
		got[r[0]+"/"+r[1]] = r
	}
	want := readWide(t, asem+"/expected/example/dset_Aggregated.csv")
	ranks := readWide(t, asem+"/expected/example/example_Aggregated_ranks_min_ties.csv")
	if len(rows) != len(want)*len(want["AUT"]) {
		t.Errorf("%d rows, want %d", len(rows), len(want)*len(want["AUT"]))
	}
	n := 0
	for unit, cols := range want {
		for node, w := range cols {
			r, ok := got[unit+"/"+node]
			if !ok {
				t.Fatalf("no row for %s/%s", unit, node)
			}
			v, _ := strconv.ParseFloat(r[3], 64)
			if math.Abs(v-w) > 1e-9*math.Max(1, math.Abs(w)) {
				t.Errorf("%s/%s score %s, want %v", unit, node, r[3], w)
			}
			if r[4] != strconv.Itoa(int(ranks[unit][node])) {
				t.Errorf("%s/%s rank %s, want %v", unit, node, r[4], ranks[unit][node])
			}
			n++
		}
	}
	if n != 51*(49+8+2+1) {
		t.Errorf("compared %d values", n)
	}
}

// readWide reads an expected wide table: unit → column → value.
func readWide(t *testing.T, path string) map[string]map[string]float64 {
	t.Helper()
	head, rows := readLong(t, path)
	out := map[string]map[string]float64{}
	for _, r := range rows {
		m := map[string]float64{}
		for i, h := range head {
			if h == "uCode" {
				continue
			}
			v, err := strconv.ParseFloat(r[i], 64)
			if err != nil {
				t.Fatalf("%s: %q", path, r[i])
			}
			m[h] = v
		}
		out[r[0]] = m
	}
	return out
}

// TestEvaluatePanel checks the period and rank_change columns on COINr's
// five-year panel: rank_change is the previous period's rank minus this
// one's, empty in the first period.
func TestEvaluatePanel(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.csv")
	code, _, stderr := run(t, "evaluate", "--imeta", asem+"/ASEM_iMeta.csv", "--idata", asem+"/ASEM_iData_p.csv",
		"--impute", "mean", "--normalise", "minmax", "--aggregate", "amean", "--global", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	head, rows := readLong(t, out)
	if strings.Join(head, ",") != "unit,node,level,score,rank,period,rank_change" {
		t.Fatalf("header %v", head)
	}
	rank := map[string]int{}
	for _, r := range rows {
		if r[1] == "Index" {
			v, _ := strconv.Atoi(r[4])
			rank[r[0]+"/"+r[5]] = v
		}
	}
	checked := 0
	for _, r := range rows {
		if r[1] != "Index" {
			continue
		}
		year, _ := strconv.Atoi(r[5])
		if year == 2018 {
			if r[6] != "" {
				t.Errorf("first period has rank_change %q", r[6])
			}
			continue
		}
		prev := rank[r[0]+"/"+strconv.Itoa(year-1)]
		if r[6] != strconv.Itoa(prev-rank[r[0]+"/"+r[5]]) {
			t.Errorf("%s %s: rank_change %s, ranks %d → %d", r[0], r[5], r[6], prev, rank[r[0]+"/"+r[5]])
		}
		checked++
	}
	if checked != 51*4 {
		t.Errorf("checked %d rank changes", checked)
	}
}

const goodMeta = `Level,iCode,iName,Direction,Weight,Type,Parent,Denominator,Target
1,a,A,1,1,Indicator,P,,
1,b,B,-1,2,Indicator,P,,
2,P,Pillar,,1,Aggregate,,,
,grp,Group,,,Group,,,
`

const goodData = `uCode,uName,grp,a,b
X,Ex,g1,1,5
Y,Why,g1,2,3
Z,Zed,g2,4,1
`

// TestEvaluateErrors checks that bad input gives exit 2, one located line
// per problem in the user's language, and no output file.
func TestEvaluateErrors(t *testing.T) {
	cases := []struct {
		name       string
		meta, data string
		extra      []string
		want       []string // substrings of stderr, one per expected line
		wantEN     string
	}{
		{"non-numeric", goodMeta, strings.Replace(goodData, "Y,Why,g1,2,3", "Y,Why,g1,two,3", 1), nil,
			[]string{"iData.csv:3:4: 应为数值"}, `iData.csv:3:4: expected a number, found "two"`},
		{"two bad cells", goodMeta, strings.Replace(strings.Replace(goodData, ",2,3", ",x,3", 1), "4,1", "4,y", 1), nil,
			[]string{"iData.csv:3:4:", "iData.csv:4:5:"}, "iData.csv:4:5: expected a number"},
		{"duplicated unit", goodMeta, goodData + "X,Again,g2,1,1\n", nil,
			[]string{"iData.csv:5:1: 单位代码 \"X\" 重复"}, `unit code "X" is duplicated (first on line 2)`},
		{"unknown column", goodMeta, strings.Replace(goodData, "uCode,uName,grp,a,b", "uCode,uName,grp,a,c", 1), nil,
			[]string{"iData.csv:1:5: 列 \"c\" 不在 iMeta 中", "iData.csv:1: 缺少列 \"b\""}, `column "c" is not in iMeta`},
		{"unknown parent", strings.Replace(goodMeta, "1,b,B,-1,2,Indicator,P", "1,b,B,-1,2,Indicator,Q", 1), goodData, nil,
			[]string{"iMeta.csv:3:7: 上级 \"Q\" 不存在"}, `iMeta.csv:3:7: the parent "Q" does not exist`},
		{"missing column", strings.Replace(goodMeta, "Weight", "Wt", 1), goodData, nil,
			[]string{"iMeta.csv:1: 缺少列 \"Weight\""}, `missing column "Weight"`},
		{"cycle", goodMeta + "3,Q,Q,,1,Aggregate,R,,\n4,R,R,,1,Aggregate,Q,,\n", goodData, nil,
			[]string{"iMeta.csv:6:7: 层级结构中存在循环"}, "cycle"},
		{"negative weight", strings.Replace(goodMeta, "-1,2,Indicator", "-1,-2,Indicator", 1), goodData, nil,
			[]string{"iMeta.csv:3:5: 权重不能为负数"}, "must not be negative"},
		// 1e308 is a float64, but a sum of two overflows to +Inf.
		{"overflowing weight", strings.Replace(goodMeta, "-1,2,Indicator", "-1,1e308,Indicator", 1), goodData, nil,
			[]string{"iMeta.csv:3:5: 权重不能超过 1e+09：\"1e308\""}, `the weight must not exceed 1e+09: "1e308"`},
		{"zero weights", strings.Replace(strings.Replace(goodMeta, "a,A,1,1,", "a,A,1,0,", 1), "-1,2,", "-1,0,", 1), goodData, nil,
			[]string{"iMeta.csv:2:5: P 的下级权重全为零"}, "the children of P all have zero weight"},
		{"empty table", goodMeta, "uCode,uName,grp,a,b\n", nil,
			[]string{"iData.csv:1: 没有数据行"}, "no data rows"},
		{"gmean on values ≤ 0", goodMeta, goodData, []string{"--normalise", "zscore", "--aggregate", "gmean"},
			[]string{"iData.csv:"}, "greater than 0"},
		{"bad flag value", goodMeta, goodData, []string{"--normalise", "minmax:1"},
			[]string{"--normalise \"minmax:1\" 无效"}, `--normalise "minmax:1" is invalid`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			mp, dp, out := filepath.Join(dir, "iMeta.csv"), filepath.Join(dir, "iData.csv"), filepath.Join(dir, "out.csv")
			os.WriteFile(mp, []byte(c.meta), 0o644)
			os.WriteFile(dp, []byte(c.data), 0o644)
			args := append([]string{"evaluate", "--imeta", mp, "--idata", dp, "--out", out}, c.extra...)
			code, _, stderr := run(t, args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr %s", code, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if got := strings.Count(strings.TrimSpace(stderr), "\n") + 1; got < len(c.want) {
				t.Errorf("%d lines, want %d", got, len(c.want))
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("output written despite the error")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 2 {
				t.Errorf("left files behind: %v", entries)
			}
			code, _, stderr = run(t, append(args, "--lang", "en")...)
			if code != 2 || !strings.Contains(stderr, c.wantEN) {
				t.Errorf("English: exit %d, stderr lacks %q:\n%s", code, c.wantEN, stderr)
			}
		})
	}
}

func TestEvaluateSmall(t *testing.T) {
	dir := t.TempDir()
	mp, dp, out := filepath.Join(dir, "iMeta.csv"), filepath.Join(dir, "iData.csv"), filepath.Join(dir, "out.csv")
	os.WriteFile(mp, []byte(goodMeta), 0o644)
	os.WriteFile(dp, []byte(goodData), 0o644)
	code, stdout, stderr := run(t, "evaluate", "--imeta", mp, "--idata", dp, "--normalise", "minmax", "--aggregate", "amean", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// a: 1,2,4 → 0, 33.3, 100; b (direction −1): 5,3,1 → 0, 50, 100;
	// P = Σ (w/Σw)·x, COINr's a_amean (weights normalised first, products
	// summed in extended precision as R's sum does): 0, 44.444444444444436
	// and 99.99999999999999 — not the exact 44.4… and 100.
	_, rows := readLong(t, out)
	want := map[string]string{"X/P": "0", "Y/P": "44.444444444444436", "Z/P": "99.99999999999999"}
	for _, r := range rows {
		if w, ok := want[r[0]+"/"+r[1]]; ok {
			if r[3] != w || r[2] != "2" {
				t.Errorf("%s/%s = %s (level %s), want %s", r[0], r[1], r[3], r[2], w)
			}
			delete(want, r[0]+"/"+r[1])
		}
	}
	if len(want) > 0 {
		t.Errorf("rows missing: %v", want)
	}
	if !strings.Contains(stdout, "1\tZ\tZed\t100.00\n2\tY\tWhy\t44.44\n3\tX\tEx\t0.00") {
		t.Errorf("ranking not printed:\n%s", stdout)
	}
}

func TestEvaluateMissingFile(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := run(t, "evaluate", "--imeta", filepath.Join(dir, "none.csv"), "--idata", "x", "--out", filepath.Join(dir, "o.csv"))
	if code != 2 || !strings.Contains(stderr, "none.csv: 无法读取或写入文件") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
