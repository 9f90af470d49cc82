package method

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// This file validates the weight derivations of weights_from.go.

// childWeights checks the weight fields of a child (path p) of parent: the
// usual checks under fixed weights; under derived weights there must be
// none, so that the file never shows a weight that is not used.
func (c *checker) childWeights(parent, p string, w float64, ws map[string]float64) {
	n := c.m.node(parent)
	if n == nil || n.WeightsFrom == nil {
		c.weights(p, w, ws)
		return
	}
	if !math.IsNaN(w) {
		c.fail(p+".weight", locale.M("method.wf.childweight", parent, n.WeightsFrom.Method))
	}
	if ws != nil {
		c.fail(p+".weights", locale.M("method.wf.childweight", parent, n.WeightsFrom.Method))
	}
}

// weightsFrom checks every node's derivation. An AHP matrix is computed
// here, so that an inconsistent matrix is refused before any run.
func (c *checker) weightsFrom() {
	for i := range c.m.Nodes {
		n := &c.m.Nodes[i]
		wf := n.WeightsFrom
		if wf == nil {
			continue
		}
		kids := c.m.children(n.Code)
		if wf.Method == WeightsAHP {
			c.ahp(n, kids)
			continue
		}
		sp := wf.path + "." + wf.Method
		if wf.Method == WeightsEntropy {
			c.oneOf(sp+".standardise", wf.Standardise, engine.StandardiseNone, engine.StandardiseMinMax)
		}
		c.oneOf(sp+".values", wf.Values, ValuesScores, ValuesRaw)
		if wf.Values == ValuesRaw {
			for _, k := range kids {
				if c.m.indicator(k) == nil {
					c.fail(sp+".values", locale.M("method.wf.rawnode", n.Code, k))
					break
				}
			}
		}
	}
}

func (c *checker) ahp(n *Node, kids []string) {
	wf := n.WeightsFrom
	p := wf.path + ".ahp"
	okOpts := slices.Contains(engine.AHPPriorities(), wf.Priority) && slices.Contains(engine.RITables, wf.RI)
	c.oneOf(p+".priority", wf.Priority, engine.AHPPriorities()...)
	c.oneOf(p+".ri", wf.RI, engine.RITables...)
	if !(wf.MaxCR > 0) {
		c.fail(p+".max_cr", locale.M("method.positive", wf.MaxCR))
	}
	seen := map[string]bool{}
	for i, code := range wf.Order {
		switch {
		case seen[code]:
			c.fail(fmt.Sprintf("%s.order[%d]", p, i), locale.M("method.dup", code))
		case !slices.Contains(kids, code):
			c.fail(fmt.Sprintf("%s.order[%d]", p, i), locale.M("method.wf.notchild", code, n.Code))
		}
		seen[code] = true
	}
	for _, k := range kids {
		if !seen[k] {
			c.fail(p+".order", locale.M("method.wf.unordered", n.Code, k))
		}
	}
	if wf.Matrix == nil {
		for _, t := range c.m.Types {
			if _, ok := wf.Matrices[t.Name]; !ok {
				c.fail(p+".matrix", locale.M("method.wf.nomatrix", t.Name))
			}
		}
	} else {
		c.pairwise(n, "", wf.Matrix, p+".matrix", okOpts)
	}
	types := make([]string, 0, len(wf.Matrices))
	for typ := range wf.Matrices {
		types = append(types, typ)
	}
	slices.Sort(types)
	for _, typ := range types {
		mp := p + ".matrices." + typ
		if !slices.ContainsFunc(c.m.Types, func(t Type) bool { return t.Name == typ }) {
			c.fail(mp, locale.M("method.unknowntype", typ))
			continue
		}
		c.pairwise(n, typ, wf.Matrices[typ], mp, okOpts)
	}
}

// pairwise checks one matrix (of type typ, "" for the default) at path:
// its order against the children, then positivity, reciprocity and the
// consistency ratio by computing it.
func (c *checker) pairwise(n *Node, typ string, a [][]float64, path string, okOpts bool) {
	for _, row := range a {
		if slices.ContainsFunc(row, math.IsNaN) {
			return // reported by the reader
		}
	}
	wf := n.WeightsFrom
	if len(a) != len(wf.Order) {
		c.fail(path, locale.M("method.wf.size", len(a), len(wf.Order)))
		return
	}
	if !okOpts || len(a) == 0 {
		return
	}
	res, err := engine.AHPWeights(a, wf.Priority, wf.RI)
	var ce *engine.CalcError
	switch {
	case errors.As(err, &ce):
		at := path
		if ce.Row >= 0 {
			at = fmt.Sprintf("%s[%d]", path, ce.Row)
			if ce.Col >= 0 {
				at += fmt.Sprintf("[%d]", ce.Col)
			}
		}
		c.fail(at, locale.M("method.wf.matrix", n.Code, ce))
	case err != nil:
		c.fail(path, locale.M("method.raw", err.Error()))
	case res.CR >= wf.MaxCR:
		c.fail(path, locale.M("method.wf.cr", n.Code, typeLabel(typ), res.CR, wf.MaxCR, res.LambdaMax, res.CI, res.RI, wf.RI))
	}
}

// typeLabel names the types a matrix serves in a message: typ, or all
// types for the default matrix ("").
type typeLabel string

// Message implements locale.Localizer.
func (t typeLabel) Message(lang string) string {
	switch {
	case t != "":
		return string(t)
	case lang == "en":
		return "all types"
	}
	return "所有类型"
}
