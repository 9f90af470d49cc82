package evaluation

import (
	"fmt"
	"math"
	"slices"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// Rows returns an outcome's result rows: the long format that `qiangxian
// evaluate --method` writes as CSV, row for row and in the same order. For
// every unit:
//   - one row per scored indicator (level 1): its score, ranked among all
//     units; no group;
//   - for each type the unit declares, one row per aggregate (areas, then
//     the top node) with Group the type and GroupRank its rank in the type
//     (the top node's score is after deductions and rounding, its group
//     rank the 分类排名);
//   - one row of the top node without a group: the overall score and rank
//     (综合排名) and, when a previous run was given, RankChange.
//
// Vetoed and Awards (十强县, 先进县(工业主导型) …) are on every row of the
// unit and Period on every row. Missing numbers are NaN, always the same
// NaN, so that rows compare bit for bit.
func Rows(o *method.Outcome) ([]store.Result, error) {
	if len(o.Types) == 0 || len(o.Stages) == 0 {
		return nil, fmt.Errorf("evaluation: the outcome has no types or stages")
	}
	scored := o.Stages[len(o.Stages)-1].Data
	indRank := make([][]float64, len(scored.Cols))
	for c := range scored.Cols {
		indRank[c] = engine.Rank(scored.Vals[c], engine.TiesMin)
	}
	tree, err := o.Method.Tree(o.Types[0].Type)
	if err != nil {
		return nil, err
	}
	var aggs []string
	var levels []int
	for l, idx := range tree.Levels {
		for _, i := range idx {
			aggs = append(aggs, tree.Nodes[i].Code)
			levels = append(levels, l+2)
		}
	}
	root := o.Method.Root()
	typeRank := make([][][]float64, len(o.Types)) // type, aggregate, member
	for t, tr := range o.Types {
		typeRank[t] = make([][]float64, len(aggs))
		for a, code := range aggs {
			if code == root {
				typeRank[t][a] = tr.Rank
			} else {
				typeRank[t][a] = engine.Rank(tr.Aggregated.Col(code), engine.TiesMin)
			}
		}
	}
	awards := method.AwardLabels(o)
	rows := make([]store.Result, 0, len(o.Units)*(len(scored.Cols)+2*len(aggs)+1))
	for u, unit := range o.Units {
		row := func(node string, level int, score, rank float64, group string, grank float64) store.Result {
			return store.Result{Unit: unit.Code, Node: node, Level: level, Score: clean(score), Rank: clean(rank),
				Group: group, GroupRank: clean(grank), Vetoed: o.Vetoed[u], Awards: awards[u], Period: o.Period,
				RankChange: math.NaN()}
		}
		for c, code := range scored.Cols {
			rows = append(rows, row(code, 1, scored.Vals[c][u], indRank[c][u], "", math.NaN()))
		}
		for _, typ := range unit.Types {
			ti := slices.IndexFunc(o.Types, func(tr method.TypeResult) bool { return tr.Type == typ })
			if ti < 0 {
				return nil, fmt.Errorf("evaluation: unit %s: type %q was not evaluated", unit.Code, typ)
			}
			tr := &o.Types[ti]
			k := slices.Index(tr.Members, u)
			for a, code := range aggs {
				score := tr.Aggregated.Col(code)[k]
				if code == root {
					score = tr.Score[k]
				}
				rows = append(rows, row(code, levels[a], score, math.NaN(), typ, typeRank[ti][a][k]))
			}
		}
		top := row(root, levels[len(levels)-1], o.Overall[u], o.Rank[u], "", math.NaN())
		if o.RankChange != nil {
			top.RankChange = clean(o.RankChange[u])
		}
		rows = append(rows, top)
	}
	return rows, nil
}

// clean returns v with every NaN replaced by the one NaN the store reads
// back (a NULL): NaNs made by arithmetic carry other bits.
func clean(v float64) float64 {
	if math.IsNaN(v) {
		return math.NaN()
	}
	return v
}
