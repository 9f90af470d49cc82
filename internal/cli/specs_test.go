package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/engine"
)

func TestParseNormalise(t *testing.T) {
	good := map[string]engine.NormSpec{
		"minmax":          {Method: "minmax", Params: []float64{0, 100}},
		"minmax:1,100":    {Method: "minmax", Params: []float64{1, 100}},
		"zscore:10,2":     {Method: "zscore", Params: []float64{10, 2}},
		"scaled:0,100,10": {Method: "scaled", Params: []float64{0, 100, 10}},
		"rank":            {Method: "rank", Ties: "min"},
		"rank:average":    {Method: "rank", Ties: "average"},
		"dist2ref:AUT":    {Method: "dist2ref", Ref: "AUT"},
		"dist2targ:cap":   {Method: "dist2targ", Cap: true},
		"none":            {Method: "none"},
	}
	for in, want := range good {
		got, err := parseNormalise(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if d := cmp.Diff(want, *got); d != "" {
			t.Errorf("%s: %s", in, d)
		}
	}
	for _, in := range []string{"", "minmax:1", "minmax:a,b", "scaled", "rank:max", "dist2ref", "dist2targ:x", "none:1", "foo"} {
		if _, err := parseNormalise(in); err == nil {
			t.Errorf("%q accepted", in)
		}
	}
}

func TestParseOtherSteps(t *testing.T) {
	if s, err := parseImpute("mean-group:EurAsia_group"); err != nil || s.Method != "mean" || s.Group != "EurAsia_group" {
		t.Errorf("impute: %v %v", s, err)
	}
	if _, err := parseImpute("mode"); err == nil {
		t.Error("impute mode accepted")
	}
	if s, err := parseTreat("winmax:3"); err != nil || s.WinMax != 3 {
		t.Errorf("treat: %v %v", s, err)
	}
	if s, err := parseTreat("none"); err != nil || s != nil {
		t.Errorf("treat none: %v %v", s, err)
	}
	if _, err := parseTreat("winmax:-1"); err == nil {
		t.Error("negative winmax accepted")
	}
	if s, err := parseAggregate("genmean:0.5"); err != nil || s.P != 0.5 {
		t.Errorf("aggregate: %v %v", s, err)
	}
	if _, err := parseAggregate("genmean"); err == nil {
		t.Error("genmean without p accepted")
	}
}
