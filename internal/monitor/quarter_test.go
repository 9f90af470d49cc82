package monitor

import (
	"math"
	"strings"
	"testing"
)

func TestParseMethod(t *testing.T) {
	m, err := ParseMethod([]byte("title = \"季度监测\"\n[[indicator]]\ncode = \"gdp\"\nrank_by = \"growth\"\nweight = 2\n[[indicator]]\ncode = \"inv\"\nrank_by = \"completion\"\n"))
	if err != nil || m.Title != "季度监测" || len(m.Indicators) != 2 || m.Indicators[1].Weight != 1 {
		t.Fatalf("%+v %v", m, err)
	}
	for _, c := range []struct{ name, src, want string }{
		{"bad rank_by", "[[indicator]]\ncode = \"gdp\"\nrank_by = \"score\"\n", "rank_by should be"},
		{"twice", "[[indicator]]\ncode = \"gdp\"\nrank_by = \"value\"\n[[indicator]]\ncode = \"gdp\"\nrank_by = \"value\"\n", "once"},
		{"negative weight", "[[indicator]]\ncode = \"gdp\"\nrank_by = \"value\"\nweight = -1\n", "positive"},
		{"unknown key", "[[indicator]]\ncode = \"gdp\"\nrank_by = \"value\"\nwieght = 1\n", "wieght"},
		{"empty", "title = \"x\"\n", "at least one"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := ParseMethod([]byte(c.src)); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// TestQuarterly ranks three units on gdp by growth (weight 2) and inv by
// completion (weight 1).
//
// Q1: gdp ranks a 1, b 2, c 3; inv completion a 0.2, b 0.3, c 0.3 → b 1,
// c 1, a 3. Scores: a (2·1 + 3)/3 = 5/3; b (2·2 + 1)/3 = 5/3; c (2·3 +
// 1)/3 = 7/3. a and b tie at 1, c 3.
// Q2: gdp c 1, a 2, b 3; inv a 0.6, b 0.5, c NaN → a 1, b 2. Scores a
// (4 + 1)/3 = 5/3; b (6 + 2)/3 = 8/3; c (2·1)/2 = 1 (ranked on gdp only).
// Ranks c 1, a 2, b 3; changes a 1 − 2 = −1, b 1 − 3 = −2, c 3 − 1 = +2.
func TestQuarterly(t *testing.T) {
	m := Method{Indicators: []MethodIndicator{{"gdp", RankByGrowth, 2}, {"inv", RankByCompletion, 1}}}
	row := func(u, ind string, rank int, compl float64) Row {
		return Row{Unit: u, Indicator: ind, Rank: rank, Completion: compl}
	}
	q1 := []Row{row("a", "gdp", 1, nan), row("a", "inv", 0, 0.2), row("b", "gdp", 2, nan), row("b", "inv", 0, 0.3),
		row("c", "gdp", 3, nan), row("c", "inv", 0, 0.3), row("c", "other", 1, 1)}
	q2 := []Row{row("a", "gdp", 2, nan), row("a", "inv", 0, 0.6), row("b", "gdp", 3, nan), row("b", "inv", 0, 0.5),
		row("c", "gdp", 1, nan), row("c", "inv", 0, nan)}
	got := Quarterly(m, [][]Row{q1, q2})
	type w struct {
		ranks  [2]int
		score  float64
		rank   int
		change int
		moved  bool
	}
	want := [][]w{
		{{[2]int{1, 3}, 5.0 / 3, 1, 0, false}, {[2]int{2, 1}, 5.0 / 3, 1, 0, false}, {[2]int{3, 1}, 7.0 / 3, 3, 0, false}},
		{{[2]int{2, 1}, 5.0 / 3, 2, -1, true}, {[2]int{3, 2}, 8.0 / 3, 3, -2, true}, {[2]int{1, 0}, 1, 1, 2, true}},
	}
	for q := range want {
		for i, x := range want[q] {
			s := got[q][i]
			if [2]int(s.Ranks) != x.ranks || math.Abs(s.Score-x.score) > 1e-12 || s.Rank != x.rank || s.Change != x.change || s.Moved != x.moved {
				t.Errorf("Q%d %s: %+v, want %+v", q+1, s.Unit, s, x)
			}
		}
	}
}
