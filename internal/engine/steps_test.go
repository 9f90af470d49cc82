package engine

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var naEqual = cmpopts.EquateNaNs()

func TestImpute(t *testing.T) {
	x := []float64{1, NA, 3, 10, NA, 20, NA}
	groups := []string{"a", "a", "a", "b", "b", "b", ""}
	cases := []struct {
		name   string
		spec   ImputeSpec
		x      []float64
		groups []string
		want   []float64
	}{
		{"mean", ImputeSpec{Method: "mean"}, x, nil, []float64{1, 8.5, 3, 10, 8.5, 20, 8.5}},
		{"median", ImputeSpec{Method: "median"}, x, nil, []float64{1, 6.5, 3, 10, 6.5, 20, 6.5}},
		{"default is mean", ImputeSpec{}, []float64{1, NA, 2}, nil, []float64{1, 1.5, 2}},
		{"mean by group", ImputeSpec{Method: "mean", Group: "g"}, x, groups, []float64{1, 2, 3, 10, 15, 20, NA}},
		{"median by group", ImputeSpec{Method: "median", Group: "g"}, []float64{1, NA, 3, 4, NA, NA, 5}, groups, []float64{1, 2, 3, 4, 4, 4, 5}},
		{"group with no value", ImputeSpec{Method: "mean", Group: "g"}, []float64{1, 2, 3, NA, NA, NA, NA}, groups, []float64{1, 2, 3, NA, NA, NA, NA}},
		{"all missing", ImputeSpec{Method: "mean"}, []float64{NA, NA}, nil, []float64{NA, NA}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := NewDataset(make([]string, len(c.x)), []string{"x"})
			copy(d.Vals[0], c.x)
			got, err := Impute(d, c.spec, c.groups)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got.Vals[0], naEqual); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.x, d.Vals[0], naEqual); diff != "" {
				t.Errorf("input modified:\n%s", diff)
			}
		})
	}
	d := NewDataset([]string{"a", "b"}, []string{"x"})
	var e *Error
	if _, err := Impute(d, ImputeSpec{Method: "knn"}, nil); !errors.As(err, &e) || e.Kind != ErrUnknownMethod {
		t.Errorf("unknown method: %v", err)
	}
	if _, err := Impute(d, ImputeSpec{Method: "mean", Group: "g"}, []string{"a"}); !errors.As(err, &e) || e.Kind != ErrBadParameter {
		t.Errorf("short group column: %v", err)
	}
}

func TestScreen(t *testing.T) {
	d := rowsData([]float64{1, 0, 3, 4}, []float64{NA, 0, 0, 1}, []float64{NA, NA, NA, NA}, []float64{NA, 2, 3, 4})
	got, rep := Screen(d, 0.75)
	two := 2.0 // at run time, as Screen computes it

	if diff := cmp.Diff([]string{"u1", "u2", "u4"}, got.Units); diff != "" {
		t.Errorf("kept units (-want +got):\n%s", diff)
	}
	want := []ScreenUnit{
		{Unit: "u1", Missing: 0, Zero: 1, DatAvail: 1, NonZero: 0.75, Kept: true},
		{Unit: "u2", Missing: 1, Zero: 2, DatAvail: 0.75, NonZero: 1 - two/3, Kept: true},
		{Unit: "u3", Missing: 4, Zero: 0, DatAvail: 0, NonZero: NA, Kept: false},
		{Unit: "u4", Missing: 1, Zero: 0, DatAvail: 0.75, NonZero: 1, Kept: true},
	}
	if diff := cmp.Diff(want, rep.Units, naEqual); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"u3"}, rep.Removed()); diff != "" {
		t.Errorf("removed (-want +got):\n%s", diff)
	}
	if got.Vals[1][1] != 0 || got.Vals[1][2] != 2 {
		t.Errorf("screened data misaligned: %v", got.Vals)
	}
}

func TestDenominate(t *testing.T) {
	m := Meta{Nodes: []Node{
		{Code: "I", Level: 2, Weight: 1},
		{Code: "gdp", Level: 1, Weight: 1, Parent: "I", Denominator: "pop"},
		{Code: "share", Level: 1, Weight: 1, Parent: "I"},
	}}
	tree, err := NewTree(m)
	if err != nil {
		t.Fatal(err)
	}
	raw := NewDataset([]string{"a", "b"}, []string{"gdp", "share"})
	raw.Vals[0][0], raw.Vals[0][1] = 10, NA
	raw.Vals[1][0], raw.Vals[1][1] = 0.5, 0.7
	denoms := NewDataset([]string{"z", "b", "a"}, []string{"pop"}) // other order, extra unit
	denoms.Vals[0][0], denoms.Vals[0][1], denoms.Vals[0][2] = 1, 7, 4
	got, err := Denominate(raw, denoms, tree)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]float64{{2.5, NA}, {0.5, 0.7}}, got.Vals, naEqual); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var e *Error
	if _, err := Denominate(raw, nil, tree); !errors.As(err, &e) || e.Kind != ErrNoDenominator || e.Node != "gdp" || e.Detail != "pop" {
		t.Errorf("no denominators: %v", err)
	}
	short := denoms.SelectUnits([]int{0, 1})
	if _, err := Denominate(raw, short, tree); !errors.As(err, &e) || e.Kind != ErrUnknownUnit || e.Unit != "a" {
		t.Errorf("unit missing from denominators: %v", err)
	}
}
