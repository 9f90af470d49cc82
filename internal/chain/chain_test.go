package chain

import (
	"strings"
	"testing"
)

// metals is a small chain of hand-checkable shape: ore (B09) feeds smelting
// (C32), which feeds two downstream nodes; C33 (metal products) and its
// group C331 (structural metal products) are on different nodes.
func metals() *Chain {
	return &Chain{Code: "YS", Rules: Rules{MinLocal: 2, NeedPipeline: true, MinSupply: 0.3}, Nodes: []Node{
		{Code: "N1", Name: "采选", Segment: Upstream, Industries: []string{"B09"}},
		{Code: "N2", Name: "冶炼", Segment: Midstream, Industries: []string{"C32"}, Inputs: []string{"N1"}},
		{Code: "N3", Name: "金属制品", Segment: Downstream, Industries: []string{"C33"}, Inputs: []string{"N2"}},
		{Code: "N4", Name: "结构件", Segment: Downstream, Industries: []string{"C331"}, Inputs: []string{"N2"}},
	}}
}

func TestMatcherLongestPrefix(t *testing.T) {
	m := NewMatcher(metals())
	for _, tc := range []struct{ industry, node string }{
		{"C3311", "N4"}, // C331, the longer prefix, beats C33
		{"C331", "N4"},  // the prefix itself
		{"C3320", "N3"}, // only C33 matches
		{"C33", "N3"},
		{"C3", ""},      // shorter than every prefix
		{"C3410", ""},   // another division
		{"B0911", "N1"}, // ore mining
		{"", ""},
	} {
		t.Run(tc.industry, func(t *testing.T) {
			if got := m.Node(tc.industry); got != tc.node {
				t.Errorf("Node(%q) = %q, want %q", tc.industry, got, tc.node)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	if err := metals().Validate(); err != nil {
		t.Fatalf("valid chain: %v", err)
	}
	for _, tc := range []struct {
		name string
		edit func(c *Chain)
		want string
	}{
		{"repeated code", func(c *Chain) { c.Nodes[1].Code = "N1" }, "N1: repeated"},
		{"bad segment", func(c *Chain) { c.Nodes[0].Segment = "源头" }, "segment"},
		{"bad industry", func(c *Chain) { c.Nodes[0].Industries = []string{"C3"} }, `"C3" is not`},
		{"industry twice", func(c *Chain) { c.Nodes[3].Industries = []string{"C33"} }, "already node N3"},
		{"unknown input", func(c *Chain) { c.Nodes[1].Inputs = []string{"N9"} }, `input "N9"`},
		{"self input", func(c *Chain) { c.Nodes[1].Inputs = []string{"N2"} }, `input "N2"`},
		{"cycle", func(c *Chain) { c.Nodes[0].Inputs = []string{"N3"} }, "circle"},
		{"supply ratio as percent", func(c *Chain) { c.Rules.MinSupply = 30 }, "rules"},
		{"no name", func(c *Chain) { c.Nodes[2].Name = " " }, "N3: no name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := metals()
			tc.edit(c)
			err := c.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate() = %v, want an error with %q", err, tc.want)
			}
		})
	}
}

func TestValidIndustry(t *testing.T) {
	for s, want := range map[string]bool{"C": true, "C33": true, "C331": true, "C3311": true, "C3": false,
		"C33111": false, "c33": false, "U01": false, "C3a": false, "": false} {
		if got := ValidIndustry(s); got != want {
			t.Errorf("ValidIndustry(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestCheckMove(t *testing.T) {
	for _, tc := range []struct {
		from, to Status
		ok       bool
	}{
		{StatusFound, StatusContacted, true},
		{StatusFound, StatusSigned, true}, // skipped steps
		{StatusTalks, StatusVisited, false},
		{StatusSigned, StatusSigned, false},
		{StatusFound, "签了", false},
	} {
		if err := CheckMove(tc.from, tc.to); (err == nil) != tc.ok {
			t.Errorf("CheckMove(%s, %s) = %v, want ok %v", tc.from, tc.to, err, tc.ok)
		}
	}
}

func TestNormalize(t *testing.T) {
	// Divisions 13–43 are manufacturing (C), 06–12 mining (B), 44 power (D),
	// 65 software and IT services (I).
	for in, want := range map[string]string{"3311": "C3311", "13": "C13", "43": "C43", "0911": "B0911", "44": "D44",
		"6510": "I6510", "C3311": "C3311", "98": "98", "00": "00", "3": "3", "": ""} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
	// An enterprise with a bare code falls into its node.
	es := []Enterprise{{Industry: "3311", County: "620302"}}
	if s := Assess(metals(), "620302", es, nil, nil)[3]; s.Enterprises != 1 {
		t.Errorf("N4 has %d enterprises, want 1 (3311 → C3311 → C331)", s.Enterprises)
	}
}
