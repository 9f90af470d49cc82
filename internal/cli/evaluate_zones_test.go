package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const zoneRules = `
[[grade]]
name = "优秀"
min_score = 95
[[grade]]
name = "良好"
min_score = 80
[[grade]]
name = "一般"
[[management]]
kind = "bottom"
count = 1
times = 2
within = 2
action = "约谈"
[[management]]
kind = "top"
count = 1
action = "升级推荐"
`

// TestEvaluateWithHistory evaluates the small method of
// TestEvaluateMethodCSV (2022: 620121 98, 620102 90, 620181 70 ranked 1, 2,
// 3 in 甲, their primary type; 620122 90, alone in 乙 as primary type,
// ranked 2nd of 乙's members) with grades and management rules and a
// history of 2020 and 2021. Worked by hand:
//
//	grades 2022 (≥ 95 优秀, ≥ 80 良好, else 一般): 620121 优秀, 620102 良好,
//	  620122 良好, 620181 一般
//	streaks: 620121 优秀 in 2020, 2021 (given) → 3; 620102 85 in 2021 良好,
//	  96 in 2020 优秀 → 2; 620122 70 in 2021 一般 → 1; 620181 50, 60 一般 → 3
//	约谈 (bottom 1, twice within 2): 甲 2021 ranks 620121 1 (given),
//	  620102 1, 620181 2 (computed from 85, 60): 620181 in 2021 and 2022;
//	  620122 is alone in 乙 in 2021 and in 2022: in both
//	升级推荐 (top 1): 620121 in 甲, 620122 in 乙
func TestEvaluateWithHistory(t *testing.T) {
	dir := smallFiles(t)
	if err := os.WriteFile(filepath.Join(dir, "m.toml"), []byte(smallMethod+zoneRules), 0o644); err != nil {
		t.Fatal(err)
	}
	hist := filepath.Join(dir, "h.csv")
	os.WriteFile(hist, []byte("period,unit,group,group_rank,score,grade\n"+
		"2020,620121,甲,1,,优秀\n2020,620181,甲,,50,\n2020,620102,甲,,96,\n2020,620122,乙,1,,良好\n"+
		"2021,620121,甲,1,,优秀\n2021,620102,甲,,85,\n2021,620181,甲,,60,\n2021,620122,乙,,70,\n"), 0o644)
	out := filepath.Join(dir, "r.csv")
	code, stdout, stderr := runMethodEval(t, append(smallArgs(dir, out), "--history", hist)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "620181 丁市：约谈（2021、2022）") {
		t.Errorf("stdout lacks the warning:\n%s", stdout)
	}
	head, rows := readLong(t, out)
	if got := strings.Join(head, ","); got != "unit,node,level,score,rank,group,group_rank,vetoed,awards,period,rank_change,grade,streak,warnings" {
		t.Fatalf("header %s", got)
	}
	want := map[string]string{"620102": "良好,2,", "620121": "优秀,3,升级推荐", "620122": "良好,1,约谈;升级推荐", "620181": "一般,3,约谈"}
	n := map[string]int{}
	for _, r := range rows {
		if got := strings.Join(r[len(r)-3:], ","); got != want[r[0]] {
			t.Errorf("%s: %s, want %s", strings.Join(r[:3], ","), got, want[r[0]])
		}
		n[r[0]]++
	}
	// Every row of every unit (as in TestEvaluateMethodCSV: 22 rows).
	if d := cmp.Diff(map[string]int{"620102": 5, "620121": 7, "620122": 5, "620181": 5}, n); d != "" {
		t.Error(d)
	}
}

func TestEvaluateZoneColumnsWhen(t *testing.T) {
	dir := smallFiles(t)
	out := filepath.Join(dir, "r.csv")
	// A method with [[management]] gets the columns without a history:
	// the evaluated period alone (streaks of 1).
	os.WriteFile(filepath.Join(dir, "m.toml"), []byte(smallMethod+zoneRules), 0o644)
	if code, _, stderr := runMethodEval(t, smallArgs(dir, out)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, rows := readLong(t, out)
	// 约谈 needs two held periods: none yet; 升级推荐 (top 1) goes to the
	// first of 甲 and to 620122, alone in 乙.
	want := map[string]string{"620102": "良好,1,", "620121": "优秀,1,升级推荐", "620122": "良好,1,升级推荐", "620181": "一般,1,"}
	for _, r := range rows {
		if got := strings.Join(r[11:], ","); got != want[r[0]] {
			t.Errorf("%s: %s, want %s", r[0], got, want[r[0]])
		}
	}
	// Errors: the evaluated period in the history; --history with .json.
	hist := filepath.Join(dir, "h.csv")
	os.WriteFile(hist, []byte("period,unit,group,group_rank,score,grade\n2021,620121,甲,1,,优秀\n2022,620121,甲,1,,优秀\n"), 0o644)
	code, _, stderr := runMethodEval(t, append(smallArgs(dir, out), "--history", hist, "--lang", "en")...)
	if want := hist + ":3:1: period 2022 is the period being evaluated and cannot be in the history\n"; code != 2 || stderr != want {
		t.Errorf("exit %d, stderr %q, want %q", code, stderr, want)
	}
	code, _, stderr = runMethodEval(t, append(smallArgs(dir, filepath.Join(dir, "r.json")), "--history", hist, "--lang", "en")...)
	if code != 2 || stderr != "qiangxian: --history and --changes need a .csv --out\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
