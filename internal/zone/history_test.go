package zone

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/table"
)

var nan = math.NaN()

// hist reads a history written as CSV text.
func hist(t *testing.T, csv string, grades []method.Grade) *History {
	t.Helper()
	tb, err := table.Read("h.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	h, err := ReadHistory(tb, grades)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

var (
	byScore = []method.Grade{{Name: "优秀", MinScore: 90, MaxRank: nan}, {Name: "良好", MinScore: 80, MaxRank: nan}}
	byRank  = []method.Grade{{Name: "优秀", MinScore: nan, MaxRank: 1}, {Name: "良好", MinScore: nan, MaxRank: 2},
		{Name: "合格", MinScore: nan, MaxRank: nan}}
)

func TestBuildRanksAndGrades(t *testing.T) {
	// Group g: scores 90, 80, 80, 70 rank 1, 2, 2, 4 (ties share the
	// smallest rank). Group h: k (60) ranks 1 and e (50) 2 — f has no
	// score, keeps its given rank 7 and is left out of the others' ranks.
	// Grades by rank: ≤ 1 优秀, ≤ 2 良好, the rest 合格; f's given grade X
	// is kept.
	h := hist(t, `period,unit,group,group_rank,score,grade
2021,a,g,,90,
2021,b,g,,80,
2021,c,g,,80,
2021,d,g,,70,
2021,e,h,,50,
2021,f,h,7,,X
2021,k,h,,60,
2021,m,g,3,10,
`, byRank)
	type rg struct {
		Rank  float64
		Grade string
	}
	got := map[string]rg{}
	for _, r := range h.Records {
		got[r.Unit] = rg{r.GroupRank, r.Grade}
	}
	// m's given rank 3 wins over its score; its score still counts in the
	// others' ranks (m 10 is below all of them, so it changes nothing).
	want := map[string]rg{"a": {1, "优秀"}, "b": {2, "良好"}, "c": {2, "良好"}, "d": {4, "合格"},
		"e": {2, "良好"}, "f": {7, "X"}, "k": {1, "优秀"}, "m": {3, "合格"}}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestGradeByScore(t *testing.T) {
	// 优秀 ≥ 90, 良好 ≥ 80, no catch-all: 79.99 is ungraded; 90 is 优秀
	// (≥ includes the bound).
	h := hist(t, "period,unit,group,group_rank,score,grade\n2021,a,g,,90,\n2021,b,g,,89.5,\n2021,c,g,,79.99,\n2021,d,g,4,,良好\n", byScore)
	var got []string
	for _, r := range h.Records {
		got = append(got, r.Grade)
	}
	if d := cmp.Diff([]string{"优秀", "良好", "", "良好"}, got); d != "" {
		t.Error(d)
	}
}

func TestPeriodOrder(t *testing.T) {
	for _, c := range []struct {
		name, periods string
		want          []string
	}{
		// All numbers: 9 < 10 < 2021 (as strings "10" < "2021" < "9").
		{"numeric", "2021 9 10", []string{"9", "10", "2021"}},
		// One non-number: every period sorts as a string.
		{"lexical", "2021 9 10 2021Q1", []string{"10", "2021", "2021Q1", "9"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			csv := "period,unit,group,group_rank,score,grade\n"
			for _, p := range strings.Fields(c.periods) {
				csv += p + ",a,g,1,,A\n"
			}
			h := hist(t, csv, nil)
			if d := cmp.Diff(c.want, h.Periods); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestReadHistoryErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		grades    []method.Grade
		want      []string
	}{
		{"missing columns", "period,unit,score\n2021,a,1\n", byScore,
			[]string{"h.csv:1: missing column \"group\"", "h.csv:1: missing column \"group_rank\"", "h.csv:1: missing column \"grade\""}},
		{"no rows", "period,unit,group,group_rank,score,grade\n", byScore, []string{"h.csv:1: the table has no data rows"}},
		{"cells", "x,grade,score,group_rank,group,unit,period\n" +
			"1,,abc,0,g,a,2021\n" + // line 2: score col 3, rank col 4
			"1,,1,,g, ,\n" + // line 3: unit col 6, period col 7
			"1,,,,g,c,2021\n", // line 4: no score nor rank → score col 3, reported with the cell errors
			byScore, []string{
				"h.csv:2:3: expected a number, found \"abc\"",
				"h.csv:2:4: group_rank must be at least 1, found 0",
				"h.csv:3:6: unit cannot be empty",
				"h.csv:3:7: period cannot be empty",
				"h.csv:4:3: score and group_rank cannot both be empty",
			}},
		{"build", "period,unit,group,group_rank,score,grade,established,merging\n" +
			"2021,a,g,,,,,\n" + // line 2: neither score nor rank
			"2021,a,g,,5,,,\n" + // line 3: a twice in 2021 → unit col 2
			"2021,b,g,2,,,,\n" + // line 4: grading by score needs the score
			"2021,c,g,,5,,x,\n" + // line 5: established not a year
			"2021,d,g,,5,,,maybe\n", // line 6: merging
			byScore, []string{
				"h.csv:2:5: score and group_rank cannot both be empty",
				"h.csv:3:2: unit a appears twice in period 2021",
				"h.csv:4:5: the grade is empty and grading by min_score needs the score",
				"h.csv:5:7: the establishment year must be a whole year, found \"x\"",
				"h.csv:6:8: merging must be 1/0, true/false or 是/否, found \"maybe\"",
			}},
		{"build problems", "period,unit,group,group_rank,score,grade\n" +
			"2021,a,g,,,\n" + "2021,a,g,,5,\n" + "2021,b,g,2,,\n",
			byScore, []string{
				"h.csv:2:5: score and group_rank cannot both be empty",
				"h.csv:3:2: unit a appears twice in period 2021",
				"h.csv:4:5: the grade is empty and grading by min_score needs the score",
			}},
		{"no grades", "period,unit,group,group_rank,score,grade\n2021,a,g,1,,\n", nil,
			[]string{"h.csv:2:6: the grade is empty and the rules have no [[grade]] to compute it"}},
		{"year", "period,unit,group,group_rank,score,grade,established\n2021A,a,g,1,,A,2020\n", nil,
			[]string{"h.csv:2:1: with an establishment year, periods must be years (numbers), found \"2021A\""}},
		// Bytes that are neither UTF-8 nor GB18030 are refused by the
		// CSV reader itself, at their line.
		{"utf8", "period,unit,group,group_rank,score,grade\n2021,\xff,g,1,,A\n", nil,
			[]string{"h.csv:2: the file is not UTF-8 encoded (GBK?); save it as UTF-8 CSV"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := table.Read("h.csv", strings.NewReader(c.csv))
			if err == nil {
				_, err = ReadHistory(tb, c.grades)
			}
			es, ok := err.(table.Errors)
			if !ok {
				t.Fatalf("err = %v, want table.Errors", err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Format(locale.EN))
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestReadChanges(t *testing.T) {
	tb, _ := table.Read("c.csv", strings.NewReader("change,unit,successor,period\nrename,a,b,2020\nmerge,c,m,2021\nmerge,d,m,2021\nupgrade,m,,2022\n"))
	c, err := ReadChanges(tb)
	if err != nil {
		t.Fatal(err)
	}
	want := Changes{Successor: map[string]string{"a": "b", "c": "m", "d": "m"}, Upgraded: map[string]string{"m": "2022"}}
	if d := cmp.Diff(want, c); d != "" {
		t.Error(d)
	}
	tb, _ = table.Read("c.csv", strings.NewReader("period,change,unit,successor\n"+
		"2020,rename,a,b\n"+ // fine
		"2021,rename,b,a\n"+ // line 3: a → b → a, col 4
		"2021,split,c,d\n"+ // line 4: unknown change, col 2
		"2021,merge,e,\n"+ // line 5: no successor, col 4
		",upgrade,f,\n"+ // line 6: no period, col 1
		"2020,rename,a,c\n")) // line 7: a already has b, col 4
	_, err = ReadChanges(tb)
	want2 := []string{"c.csv:3:4: the renames and mergers form a cycle", "c.csv:4:2: change must be rename, merge or upgrade, found \"split\"",
		"c.csv:5:4: a rename or merger needs another unit as successor", "c.csv:6:1: period cannot be empty",
		"c.csv:7:4: unit a already has another successor"}
	var got []string
	for _, e := range err.(table.Errors) {
		got = append(got, e.Format(locale.EN))
	}
	if d := cmp.Diff(want2, got); d != "" {
		t.Error(d)
	}
}

func FuzzReadHistory(f *testing.F) {
	f.Add("period,unit,group,group_rank,score,grade\n2021,a,g,,90,\n2021,b,g,2,,良好\n2022,a,g,,1e3,\n")
	f.Add("\xef\xbb\xbfgrade,score,group_rank,group,unit,period,merging,established\n,1,,g,a,2021,1,2020\n")
	f.Add("period,unit,group,group_rank,score,grade\n,,,,,\n\"a\nb\",x,,NA,NA,\n")
	f.Fuzz(func(t *testing.T, csv string) {
		tb, err := table.Read("f.csv", strings.NewReader(csv))
		if err != nil {
			return
		}
		h, err := ReadHistory(tb, byScore)
		if err != nil {
			if _, ok := err.(table.Errors); !ok {
				t.Fatalf("unlocated error %v", err)
			}
			return
		}
		if len(h.Records) != len(tb.Rows) || len(h.Periods) == 0 {
			t.Fatalf("%d records of %d rows, %d periods", len(h.Records), len(tb.Rows), len(h.Periods))
		}
		for _, r := range h.Records {
			if !(r.GroupRank >= 1) {
				t.Fatalf("record %+v without a rank", r)
			}
		}
		res, err := Assess(h, []method.Management{{Kind: "bottom", Count: 1, Share: nan, Times: 1, Within: 2, Action: "w"}},
			Changes{}, h.Periods[len(h.Periods)-1])
		if err != nil || len(res) == 0 {
			t.Fatalf("assess: %v, %d results", err, len(res))
		}
	})
}

func TestQuotaAndCap(t *testing.T) {
	// 优秀 ≥ 90 for at most half of a group (rounded down), 良好 ≥ 80.
	// Group g (3 zones): floor(1.5) = 1 place: a (95); b, c → 良好.
	// Group h (2 zones): 1 place; d (99) is capped at 良好 that year (e.g.
	// safety-risk class A), so e (91) takes it. In 2022 d is not capped.
	grades := []method.Grade{{Name: "优秀", MinScore: 90, MaxRank: nan, MaxShare: 0.5}, {Name: "良好", MinScore: 80, MaxRank: nan}}
	h := hist(t, "period,unit,group,group_rank,score,grade,grade_cap\n"+
		"2021,a,g,,95,,\n2021,b,g,,94,,\n2021,c,g,,93,,\n2021,d,h,,99,,良好\n2021,e,h,,91,,\n2022,d,h,,99,,\n2022,e,h,,91,,\n", grades)
	var got []string
	for _, r := range h.Records {
		got = append(got, r.Period+r.Unit+":"+r.Grade)
	}
	want := []string{"2021a:优秀", "2021b:良好", "2021c:良好", "2021d:良好", "2021e:优秀", "2022d:优秀", "2022e:良好"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	tb, _ := table.Read("h.csv", strings.NewReader("period,unit,group,group_rank,score,grade,grade_cap\n2021,a,g,,95,,一般\n"))
	_, err := ReadHistory(tb, grades)
	if err == nil || err.Error() != `h.csv:2:7: unknown grade "一般"` {
		t.Errorf("err = %v", err)
	}
}
