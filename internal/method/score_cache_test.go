package method

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// slowModel is the method as a what-if model without the score cache: a
// fresh Model (empty cache) for every run, i.e. the whole method from the
// inputs each time, as before the cache.
type slowModel struct {
	m       *Method
	targets Targets
	events  []Event
}

func (s slowModel) Score(d *engine.Data) (*engine.Scores, error) {
	mm, err := NewModel(s.m, s.targets, s.events)
	if err != nil {
		return nil, err
	}
	return mm.Score(d)
}

func (s slowModel) Direction(col string) float64 {
	mm, _ := NewModel(s.m, s.targets, s.events)
	return mm.Direction(col)
}

// TestScoreCacheMatchesRun holds the cached scoring (the fast path of the
// score sheets' gap searches) to the whole method run anew, on the Gansu
// demo of 2022 (type samples, targets, events): one unit's input moved,
// then the same data again; scores, ranks, group ranks and indicator
// scores must agree bit for bit, and the outcome's warnings too.
func TestScoreCacheMatchesRun(t *testing.T) {
	m, in := gansuInput(t, "2022")
	fast, err := NewModel(m, in.Targets, in.Events)
	if err != nil {
		t.Fatal(err)
	}
	slow := slowModel{m, in.Targets, in.Events}
	base := EngineData(in.Data)
	if _, err := fast.Score(base); err != nil { // keeps the base scores
		t.Fatal(err)
	}
	var moved []string
	for _, c := range base.Raw.Cols {
		if fast.Direction(c) != 0 {
			moved = append(moved, c)
		}
	}
	if len(moved) < 3 {
		t.Fatalf("the demo has %d movable inputs, want several", len(moved))
	}
	for _, unit := range []int{0, 40, len(base.Raw.Units) - 1} {
		for _, col := range moved {
			for _, f := range []float64{0, 1.5, -3, math.NaN()} {
				name := base.Raw.Units[unit] + "/" + col
				t.Run(name, func(t *testing.T) {
					d := &engine.Data{Raw: base.Raw.Clone(), Labels: base.Labels}
					c := d.Raw.ColIndex(col)
					if math.IsNaN(f) {
						d.Raw.Vals[c][unit] = engine.NA
					} else {
						// f = 0 is the base itself: every indicator from the cache.
						d.Raw.Vals[c][unit] += f * (1 + math.Abs(d.Raw.Vals[c][unit]))
					}
					got, err := fast.Score(d)
					if err != nil {
						t.Fatal(err)
					}
					want, err := slow.Score(d)
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(want, got, cmpopts.EquateNaNs(), cmpopts.IgnoreFields(engine.Scores{}, "Views")); diff != "" {
						t.Errorf("cached scoring differs (-slow +fast):\n%s", diff)
					}
				})
			}
		}
	}
	t.Run("warnings", func(t *testing.T) {
		want, err := Run(m, in)
		if err != nil {
			t.Fatal(err)
		}
		cached := in
		cached.cache = &scoreCache{}
		for range 2 { // the second run takes every indicator from the cache
			got, err := Run(m, cached)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.Warnings, got.Warnings); diff != "" {
				t.Errorf("warnings differ (-uncached +cached):\n%s", diff)
			}
			if diff := cmp.Diff(want.Overall, got.Overall, cmpopts.EquateNaNs()); diff != "" {
				t.Errorf("scores differ (-uncached +cached):\n%s", diff)
			}
		}
	})
}

// TestWhatIfCachedEqualsSlow runs the score sheet's gap searches (every
// movable input, and all together) for two units of the demo with the
// cached model and with the method run anew each time: the answers must
// be the same.
func TestWhatIfCachedEqualsSlow(t *testing.T) {
	if testing.Short() {
		t.Skip("some thousand runs of the method")
	}
	m, in := gansuInput(t, "2022")
	fast, err := NewModel(m, in.Targets, in.Events)
	if err != nil {
		t.Fatal(err)
	}
	slow := slowModel{m, in.Targets, in.Events}
	d := EngineData(in.Data)
	base, err := fast.Score(d)
	if err != nil {
		t.Fatal(err)
	}
	cols := []string{""}
	for _, c := range d.Raw.Cols {
		if fast.Direction(c) != 0 {
			cols = append(cols, c)
		}
	}
	// Two units outside the top 10 (searches for place 10), as the
	// score sheets of most counties do.
	var units []string
	for k, r := range base.Rank {
		if r > 10 && len(units) < 2 {
			units = append(units, base.Units[k])
		}
	}
	for _, u := range units {
		for _, col := range cols {
			t.Run(u+"/"+col, func(t *testing.T) {
				q := engine.WhatIfQuery{Unit: u, Column: col, TopK: 10, Tolerance: 2e-4}
				got, err := engine.WhatIf(fast, d, q)
				if err != nil {
					t.Fatal(err)
				}
				want, err := engine.WhatIf(slow, d, q)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got, cmpopts.EquateNaNs()); diff != "" {
					t.Errorf("what-if differs (-slow +fast):\n%s", diff)
				}
			})
		}
	}
}
