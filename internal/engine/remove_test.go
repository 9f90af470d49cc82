package engine

import (
	"math"
	"testing"
)

// TestRemoveLevel checks COINr's remove_elements on its example against an
// independent computation: the whole pipeline re-evaluated with the node's
// weight set to 0 in the hierarchy, and the mean over units of
// |nominal rank − new rank| of the Index.
func TestRemoveLevel(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	r, err := NewRobustness(in, exampleSpec(), Uncertainty{}, "")
	if err != nil {
		t.Fatal(err)
	}
	nominal, err := Evaluate(in, exampleSpec())
	if err != nil {
		t.Fatal(err)
	}
	nomRank := nominal.Ranks.Col("Index")
	meta := asemMeta(t)
	for _, level := range []int{1, 2, 3} {
		t.Run("level"+string(rune('0'+level)), func(t *testing.T) {
			got, err := r.RemoveLevel(level)
			if err != nil {
				t.Fatal(err)
			}
			if got[0] != (RemoveResult{"Nominal", 0}) {
				t.Errorf("first row %+v", got[0])
			}
			k := 1
			for i, n := range meta.Nodes {
				if n.Level != level {
					continue
				}
				m := Meta{Nodes: append([]Node(nil), meta.Nodes...)}
				m.Nodes[i].Weight = 0
				tree, err := NewTree(m)
				if err != nil {
					t.Fatal(err)
				}
				in2 := in
				in2.Tree = tree
				res, err := Evaluate(in2, exampleSpec())
				if err != nil {
					t.Fatal(err)
				}
				s := 0.0
				for u, rk := range res.Ranks.Col("Index") {
					s += math.Abs(nomRank[u] - rk)
				}
				want := s / float64(len(nomRank))
				if k >= len(got) || got[k].Removed != n.Code || math.Abs(got[k].MeanAbsRankChange-want) > 1e-12 {
					t.Fatalf("row %d: %+v, want {%s %v}", k, got[min(k, len(got)-1)], n.Code, want)
				}
				k++
			}
			if k != len(got) {
				t.Errorf("%d rows, want %d", len(got), k)
			}
		})
	}
	for _, level := range []int{0, 4} {
		if _, err := r.RemoveLevel(level); err == nil {
			t.Errorf("level %d accepted", level)
		}
	}
}
