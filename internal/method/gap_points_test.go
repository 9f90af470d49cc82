package method

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// TestPointsGaps works the gaps out by hand on an outcome of five units:
// A B C of type 农, D E of type 工, overall 90 85 80 75 70 (ranks 1–5),
// previous ranks 2 5 4 1 3, so rises 1 3 1 −3 −2; 先进县 (one a type) won
// by A and D, 进步县 (one) by B with a rise of 3.
func TestPointsGaps(t *testing.T) {
	o := &Outcome{
		Units: []Unit{{Code: "A", Types: []string{"农"}}, {Code: "B", Types: []string{"农"}}, {Code: "C", Types: []string{"农"}},
			{Code: "D", Types: []string{"工"}}, {Code: "E", Types: []string{"工"}}},
		Overall:  []float64{90, 85, 80, 75, 70},
		Rank:     []float64{1, 2, 3, 4, 5},
		PrevRank: []float64{2, 5, 4, 1, 3},
		Types: []TypeResult{
			{Type: "农", Members: []int{0, 1, 2}, Score: []float64{90, 85, 80}, Rank: []float64{1, 2, 3}},
			{Type: "工", Members: []int{3, 4}, Score: []float64{75, 70}, Rank: []float64{1, 2}},
		},
		Awards: []AwardResult{
			{Award: Award{Name: "先进县", Kind: AwardPerType}, Type: "农", Winners: []int{0}, Key: []float64{1}},
			{Award: Award{Name: "先进县", Kind: AwardPerType}, Type: "工", Winners: []int{3}, Key: []float64{1}},
			{Award: Award{Name: "进步县", Kind: AwardRise}, Winners: []int{1}, Key: []float64{3}},
		},
	}
	tests := []struct {
		unit string
		want []PointsGap
	}{
		// C (80, 3rd): next is B at 85 → 5; 先进县 of 农 is held by A at
		// 90 → 10; the last 进步县 rose 3, C was 4th → it needs place 4 − 3
		// = 1, held by A at 90 → 10.
		{"C", []PointsGap{
			{Kind: GapNext, Place: 2, Score: 85, Own: 80, Points: 5},
			{Kind: AwardPerType, Award: "先进县", Type: "农", Place: 1, Score: 90, Own: 80, Points: 10},
			{Kind: AwardRise, Award: "进步县", Place: 1, Rise: 3, Score: 90, Own: 80, Points: 10},
		}},
		// E (70, 5th): next D at 75 → 5; 先进县 of 工 held by D at 75 → 5;
		// a rise of 3 from 3rd would need place 0: left out.
		{"E", []PointsGap{
			{Kind: GapNext, Place: 4, Score: 75, Own: 70, Points: 5},
			{Kind: AwardPerType, Award: "先进县", Type: "工", Place: 1, Score: 75, Own: 70, Points: 5},
		}},
		// B holds 进步县 (its own place); next A at 90 → 5; 先进县 90 − 85 = 5.
		{"B", []PointsGap{
			{Kind: GapNext, Place: 1, Score: 90, Own: 85, Points: 5},
			{Kind: AwardPerType, Award: "先进县", Type: "农", Place: 1, Score: 90, Own: 85, Points: 5},
			{Kind: AwardRise, Award: "进步县", Place: 2, Rise: 3, Score: 85, Own: 85, Held: true},
		}},
		// A is first and holds 先进县; a rise of 3 from 2nd is out of reach.
		{"A", []PointsGap{
			{Kind: AwardPerType, Award: "先进县", Type: "农", Place: 1, Score: 90, Own: 90, Held: true},
		}},
		{"nobody", nil},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			if d := cmp.Diff(tt.want, PointsGaps(o, tt.unit)); d != "" {
				t.Errorf("PointsGaps (-want +got):\n%s", d)
			}
		})
	}
}

// worthMethod has two indicators with fixed efficacy bounds, weighted 1:3:
// a scores 60 + 40·a/100 (0.4 a point), b 60 + 40·b/10 (4 a point).
const worthMethod = `[[type]]
name = "甲"
[[node]]
code = "total"
[[indicator]]
code = "a"
parent = "total"
weight = 1
unit = "%"
[indicator.score]
rule = "efficacy"
satisfactory = 100
unacceptable = 0
[[indicator]]
code = "b"
parent = "total"
weight = 3
unit = "亿元"
[indicator.score]
rule = "efficacy"
satisfactory = 10
unacceptable = 0
`

// TestInputWorths works the points per unit out by hand: the overall
// score is 0.25·(60 + 0.4 a) + 0.75·(60 + 4 b), so one point of a is worth
// 0.25 × 0.4 = 0.1 and one of b 0.75 × 4 = 3. X (a 50, b 5) matching the
// best a (80) gains 0.1 × 30 = 3, the best b (8) 3 × 3 = 9: b first. Y
// holds both bests and can gain nothing: no lines at all.
func TestInputWorths(t *testing.T) {
	m := mustParse(t, worthMethod)
	d := newData([]string{"X", "Y", "Z"}, [][]string{{"甲"}, {"甲"}, {"甲"}},
		map[string][]float64{"a": {50, 80, 20}, "b": {5, 8, 2}})
	mm, err := NewModel(m, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	step := func(string, []float64) float64 { return 1 }
	approx := cmpopts.EquateApprox(0, 1e-9)
	tests := []struct {
		unit string
		want []InputWorth
	}{
		{"X", []InputWorth{
			{Column: "b", Value: 5, Best: 8, Step: 1, Points: 3, Recoverable: 9},
			{Column: "a", Value: 50, Best: 80, Step: 1, Points: 0.1, Recoverable: 3},
		}},
		{"Y", nil},
		// Z: a 20 → 80 is 60 points of a, 6; b 2 → 8, 18.
		{"Z", []InputWorth{
			{Column: "b", Value: 2, Best: 8, Step: 1, Points: 3, Recoverable: 18},
			{Column: "a", Value: 20, Best: 80, Step: 1, Points: 0.1, Recoverable: 6},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			got, err := mm.InputWorths(EngineData(d), tt.unit, step)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, approx); diff != "" {
				t.Errorf("InputWorths (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := mm.InputWorths(EngineData(d), "W", step); err == nil {
		t.Error("an unknown unit gave no error")
	}
}

func TestWorthStep(t *testing.T) {
	m := mustParse(t, worthMethod+`[[indicator]]
code = "c"
parent = "total"
weight = 1
unit = "户"
[indicator.score]
rule = "efficacy"
satisfactory = 10
unacceptable = 0
`)
	tests := []struct {
		col    string
		values []float64
		want   float64
	}{
		{"a", []float64{1, 2}, 1},   // % → one percentage point
		{"b", []float64{1, 200}, 1}, // 亿元 → 1亿元
		// 户 ranging 120 to 5120: a tenth of 5000 is 500, nearest power of ten 10^round(2.7) = 1000.
		{"c", []float64{120, 5120}, 1000},
		{"c", []float64{7, 7}, 1}, // no spread
	}
	for _, tt := range tests {
		if got := m.WorthStep(tt.col, tt.values); got != tt.want {
			t.Errorf("WorthStep(%s, %v) = %v, want %v", tt.col, tt.values, got, tt.want)
		}
	}
}

// TestPeerStanding: members 0, 2, 3 with scores 70, 90, 70 (and one NA
// member 4): unit 0 shares 2nd place with 3 (ties min), the mean is
// (70 + 90 + 70) / 3 = 76.67, three scored; unit 1 is no member.
func TestPeerStanding(t *testing.T) {
	ds := engine.NewDataset([]string{"a", "c", "d", "e"}, []string{"x"})
	copy(ds.Vals[0], []float64{70, 90, 70, engine.NA})
	tr := &TypeResult{Members: []int{0, 2, 3, 4}, Aggregated: ds}
	rank, mean, n, ok := tr.PeerStanding(0, "x")
	if !ok || rank != 2 || math.Abs(mean-230.0/3) > 1e-12 || n != 3 {
		t.Errorf("unit 0: rank %v mean %v n %v ok %v, want 2 76.67 3 true", rank, mean, n, ok)
	}
	if _, _, _, ok := tr.PeerStanding(1, "x"); ok {
		t.Error("unit 1 is no member but has a standing")
	}
	if _, _, _, ok := tr.PeerStanding(4, "x"); ok {
		t.Error("unit 4 has no score but has a standing")
	}
}
