package chaingraph

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/chain"
)

func TestSVG(t *testing.T) {
	c := &chain.Chain{Nodes: []chain.Node{
		{Code: "N1", Name: "采选<矿>", Segment: chain.Upstream},
		{Code: "N2", Name: "冶炼", Segment: chain.Midstream, Inputs: []string{"N1"}},
		{Code: "N3", Name: "合金", Segment: chain.Midstream, Inputs: []string{"N2"}}, // same column: drawn below
	}}
	stats := []chain.Stat{
		{Node: "N1", Enterprises: 3, Pipeline: []string{"P"}},
		{Node: "N2", Enterprises: 1, Reasons: []chain.Reason{chain.ReasonFewLocal}},
		{Node: "N3", Reasons: []chain.Reason{chain.ReasonFewLocal, chain.ReasonNoPipeline}},
	}
	l := Labels{Segments: [3]string{"上游", "中游", "下游"}, Weak: "薄弱环节", Firms: "%d 家企业", Pipeline: "在谈在建 %d", Title: "图谱"}
	out := SVG(c, stats, l)
	// Well-formed XML, the name escaped.
	if err := xml.Unmarshal([]byte(out), new(struct{})); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	for _, want := range []string{`class="node strong" data-node="N1"`, `class="node weak" data-node="N2"`,
		`class="node weaker" data-node="N3"`, "采选&lt;矿&gt;", "3 家企业 · 在谈在建 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the graph", want)
		}
	}
	// Two weak nodes are labelled, two arrows drawn.
	if n := strings.Count(out, "薄弱环节"); n != 2 {
		t.Errorf("%d weak labels, want 2", n)
	}
	if n := strings.Count(out, "<line "); n != 2 {
		t.Errorf("%d arrows, want 2", n)
	}
}
