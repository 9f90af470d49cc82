package engine

import (
	"math"
	"testing"
)

func TestEvaluatePanelLocal(t *testing.T) {
	ins := asemInputs(t, "ASEM_iData_p.csv")
	if len(ins) != 5 {
		t.Fatalf("%d periods, want 5", len(ins))
	}
	rs, err := EvaluatePanel(ins, exampleSpec(), false)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for k, in := range ins {
		alone, err := Evaluate(in, exampleSpec())
		if err != nil {
			t.Fatal(err)
		}
		if rs[k].Period != in.Period {
			t.Errorf("result %d is period %s, want %s", k, rs[k].Period, in.Period)
		}
		n += closeEnough(t, in.Period, rs[k].Final(), alone.Final(), 0)
		n += closeEnough(t, in.Period+" ranks", rs[k].Ranks, alone.Ranks, 0)
	}
	t.Logf("panel, local: %d values equal to single-period runs", n)
	checkRankChange(t, rs)
}

func TestEvaluatePanelGlobal(t *testing.T) {
	ins := asemInputs(t, "ASEM_iData_p.csv")
	rs, err := EvaluatePanel(ins, exampleSpec(), true)
	if err != nil {
		t.Fatal(err)
	}
	local, err := EvaluatePanel(ins, exampleSpec(), false)
	if err != nil {
		t.Fatal(err)
	}
	tree := ins[0].Tree
	differs := 0
	for _, code := range tree.IndicatorCodes() {
		node, _ := tree.Node(code)
		// Global min and max of the treated data, direction applied.
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range rs {
			l, h := MinMax(r.Stage(StageTreated).Col(code))
			if node.Direction < 0 {
				l, h = -h, -l
			}
			lo, hi = math.Min(lo, l), math.Max(hi, h)
		}
		top, bottom := 0, 0 // periods reaching 100 and 0
		for k, r := range rs {
			x, got := r.Stage(StageTreated).Col(code), r.Stage(StageNormalised).Col(code)
			pmax := math.Inf(-1)
			for u := range x {
				want := (node.Direction*x[u] - lo) / (hi - lo) * 100
				if IsNA(x[u]) != IsNA(got[u]) || math.Abs(got[u]-want) > 1e-9 {
					t.Fatalf("%s %s/%s = %g, want %g", r.Period, r.Final().Units[u], code, got[u], want)
				}
				if !IsNA(got[u]) {
					pmax = math.Max(pmax, got[u])
				}
			}
			if pmax == 100 {
				top++
			}
			if l, _ := MinMax(got); l == 0 {
				bottom++
			}
			if !slicesClose(got, local[k].Stage(StageNormalised).Col(code)) {
				differs++
			}
		}
		if top == 0 || bottom == 0 {
			t.Errorf("%s: the global maximum is reached in %d periods, the minimum in %d", code, top, bottom)
		}
	}
	if differs == 0 {
		t.Error("global normalisation equals the per-period one everywhere")
	}
	checkRankChange(t, rs)
}

// checkRankChange checks RankChange = previous rank − rank, by unit code.
func checkRankChange(t *testing.T, rs []*Result) {
	t.Helper()
	if rs[0].RankChange != nil {
		t.Error("first period has a rank change")
	}
	n := 0
	for k := 1; k < len(rs); k++ {
		prev, cur, ch := rs[k-1].Ranks, rs[k].Ranks, rs[k].RankChange
		for c, code := range cur.Cols {
			for u, unit := range cur.Units {
				want := NA
				if i := prev.UnitIndex(unit); i >= 0 {
					want = prev.Col(code)[i] - cur.Vals[c][u]
				}
				if got := ch.Col(code)[ch.UnitIndex(unit)]; !(got == want || IsNA(got) && IsNA(want)) {
					t.Fatalf("%s %s/%s: rank change %g, want %g", rs[k].Period, unit, code, got, want)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no rank change checked")
	}
}

func slicesClose(a, b []float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12 {
			return false
		}
	}
	return true
}

func TestRankChangeAbsentUnit(t *testing.T) {
	prev := NewDataset([]string{"a", "b"}, []string{"Index"})
	prev.Vals[0][0], prev.Vals[0][1] = 1, 2
	cur := NewDataset([]string{"b", "c", "a"}, []string{"Index"})
	cur.Vals[0][0], cur.Vals[0][1], cur.Vals[0][2] = 1, 2, 3
	got := rankChange(prev, cur).Vals[0]
	if got[0] != 1 || !IsNA(got[1]) || got[2] != -2 {
		t.Errorf("rank change %v, want [1 NaN -2]", got)
	}
}
