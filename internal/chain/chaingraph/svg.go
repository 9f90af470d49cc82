// Package chaingraph draws a chain's map as an SVG graph, server-side and
// without scripts: one column per segment (上游, 中游, 下游), a box per
// node coloured by its strength in the place shown, arrows from each
// input to the node it supplies, and the weak links labelled.
package chaingraph

import (
	"fmt"
	"html"
	"strings"

	"github.com/qiangxian/qiangxian/internal/chain"
)

// Labels are the words the graph writes, in the page's language.
type Labels struct {
	Segments [3]string // 上游, 中游, 下游
	Weak     string    // 薄弱环节
	Firms    string    // the enterprise count's unit, e.g. "家企业" ("%d 家企业")
	Pipeline string    // the pipeline count, e.g. "在谈在建 %d"
	Title    string    // the graph's accessible title
}

// The geometry, in SVG user units.
const (
	colWidth  = 260
	boxWidth  = 200
	boxHeight = 74
	rowGap    = 26
	top       = 40
)

// Strength is how a node's box is coloured: strong (no weak reason), weak
// for one reason, very weak for two or more.
func Strength(s *chain.Stat) string {
	switch len(s.Reasons) {
	case 0:
		return "strong"
	case 1:
		return "weak"
	}
	return "weaker"
}

var fill = map[string]string{"strong": "#d9f2e3", "weak": "#fde9c8", "weaker": "#f8d0cc"}
var stroke = map[string]string{"strong": "#2e8b57", "weak": "#d08a00", "weaker": "#c0392b"}

// SVG returns the graph of c with stats (chain.Assess's, in c.Nodes'
// order) as an <svg> element. Each node is a link to #node-CODE.
func SVG(c *chain.Chain, stats []chain.Stat, l Labels) string {
	type pos struct{ x, y int }
	at := map[string]pos{}
	rows := [3]int{}
	for _, n := range c.Nodes {
		col := 0
		for i, s := range chain.Segments {
			if n.Segment == s {
				col = i
			}
		}
		at[n.Code] = pos{20 + col*colWidth, top + rows[col]*(boxHeight+rowGap)}
		rows[col]++
	}
	height := top + max(rows[0], rows[1], rows[2], 1)*(boxHeight+rowGap)
	width := 20 + 3*colWidth
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chain-graph" viewBox="0 0 %d %d" width="100%%" role="img" aria-labelledby="chain-graph-title">`, width, height)
	fmt.Fprintf(&b, `<title id="chain-graph-title">%s</title>`, html.EscapeString(l.Title))
	b.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#777"/></marker></defs>`)
	for i, name := range l.Segments {
		fmt.Fprintf(&b, `<text x="%d" y="22" class="segment" font-size="15" font-weight="bold" fill="#444">%s</text>`, 20+i*colWidth, html.EscapeString(name))
	}
	for _, n := range c.Nodes {
		to := at[n.Code]
		for _, in := range n.Inputs {
			from, ok := at[in]
			if !ok {
				continue
			}
			x1, y1 := from.x+boxWidth, from.y+boxHeight/2
			x2, y2 := to.x, to.y+boxHeight/2
			if from.x >= to.x { // same column or backwards: go round below
				x1, y1, x2, y2 = from.x+boxWidth/2, from.y+boxHeight, to.x+boxWidth/2, to.y
			}
			fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#777" stroke-width="1.5" marker-end="url(#arrow)"/>`, x1, y1, x2, y2)
		}
	}
	for i, n := range c.Nodes {
		p := at[n.Code]
		var s chain.Stat
		if i < len(stats) {
			s = stats[i]
		}
		st := Strength(&s)
		fmt.Fprintf(&b, `<a href="#node-%s"><g class="node %s" data-node="%s">`, html.EscapeString(n.Code), st, html.EscapeString(n.Code))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="8" fill="%s" stroke="%s" stroke-width="2"/>`,
			p.x, p.y, boxWidth, boxHeight, fill[st], stroke[st])
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="15" fill="#222">%s</text>`, p.x+10, p.y+22, html.EscapeString(n.Name))
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" fill="#444">%s · %s</text>`, p.x+10, p.y+42,
			html.EscapeString(fmt.Sprintf(l.Firms, s.Enterprises)), html.EscapeString(fmt.Sprintf(l.Pipeline, len(s.Pipeline))))
		if s.Weak() {
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" font-weight="bold" fill="%s" class="weak-label">%s</text>`,
				p.x+10, p.y+62, stroke[st], html.EscapeString(l.Weak))
		}
		b.WriteString(`</g></a>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}
