package chain

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseIndicator(t *testing.T) {
	for _, tc := range []struct {
		code, metric string
		ok, err      bool
	}{
		{"chain.signed_projects", MetricSignedProjects, true, false},
		{"chain.weak_filled", MetricWeakFilled, true, false},
		{"chain.weak", "", true, true},
		{"invest.funds", "", false, false},
	} {
		m, ok, err := ParseIndicator(tc.code)
		if m != tc.metric || ok != tc.ok || (err != nil) != tc.err {
			t.Errorf("ParseIndicator(%q) = %q, %v, %v", tc.code, m, ok, err)
		}
	}
}

func TestSignedProjects(t *testing.T) {
	ys := metals() // code YS: B09, C32, C33, C331
	other := &Chain{Code: "XNY", Nodes: []Node{{Code: "N1", Name: "电池", Segment: Midstream, Industries: []string{"C384"}}}}
	chains := []Keyed{{ys, []string{"620302", "620321", "ZJC"}}, {other, []string{"620302"}}}
	ps := []Signed{
		{Project: Project{ID: "a", County: "620302", Industry: "C3211"}, Day: 20240310, Zone: "ZJC"},    // YS node in 620302 and zone ZJC: 1 + 1
		{Project: Project{ID: "b", County: "620302", Industry: "C3841"}, Day: 20241231},                 // XNY in 620302: 1
		{Project: Project{ID: "c", County: "620302", Industry: "C3211"}, Day: 20230310},                 // another year
		{Project: Project{ID: "d", County: "620302", Industry: "C1311"}, Day: 20240310},                 // no node
		{Project: Project{ID: "e", County: "620321", Industry: "C3841"}, Day: 20240310},                 // XNY is not 620321's key chain
		{Project: Project{ID: "f", County: "620321", Chain: "YS", Node: "N2"}, Day: 20240101},           // explicit: 620321 gets 1
		{Project: Project{ID: "g", County: "620321", Industry: "C3211"}, Day: 20240101, Increase: true}, // increases do not count
		{Project: Project{ID: "h", County: "620321", Industry: "C3211"}, Day: 20240101, Relocation: true},
		{Project: Project{ID: "i", County: "620321", Industry: "C3211"}}, // a lead, never signed
	}
	want := map[string]int{"620302": 2, "ZJC": 1, "620321": 1}
	if d := cmp.Diff(want, SignedProjects(chains, ps, 2024)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestWeakFilled(t *testing.T) {
	ts := []SignedTarget{
		{Chain: "YS", Node: "N3", County: "620302", Zone: "ZJC", Day: 20240405},
		{Chain: "YS", Node: "N3", County: "620302", Day: 20240601},  // the same node again: counted once
		{Chain: "YS", Node: "N4", County: "620302", Day: 20241130},  // a second node: 2 for 620302
		{Chain: "XNY", Node: "N3", County: "620302", Day: 20230101}, // another year
		{Chain: "XNY", Node: "N3", County: "620321", Day: 20240101}, // 1 for 620321
		{Chain: "XNY", Node: "N1", County: "620321"},                // not signed
	}
	want := map[string]int{"620302": 2, "ZJC": 1, "620321": 1}
	if d := cmp.Diff(want, WeakFilled(ts, 2024)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
