package engine

import (
	"fmt"
	"slices"
)

// EvaluatePanel evaluates periods given in chronological order with the
// same spec. With global false every period is evaluated on its own (as
// Evaluate). With global true the normalisation is computed once over all
// periods stacked together (COINr's Normalise on a purse with global =
// TRUE: the treated data of every period are pooled, so that e.g. min-max
// uses the minimum and maximum over the whole panel, and the result is
// split back); the other steps, aggregation included, stay per period, as
// in COINr, where global affects the normalisation only. The hierarchy of
// the first period gives the directions and parameters of the pooled
// normalisation, as COINr takes them from the first coin.
//
// Every result after the first gets RankChange: the rank of the unit in the
// previous period minus its rank now (a rise is positive), NA for a unit
// absent from the previous period or unranked in either.
//
// An error is prefixed with the period it arose in.
func EvaluatePanel(ins []Input, s Spec, global bool) ([]*Result, error) {
	out := make([]*Result, len(ins))
	if !global || s.Normalise == nil {
		for k, in := range ins {
			r, err := Evaluate(in, s)
			if err != nil {
				return nil, periodError(in.Period, err)
			}
			out[k] = r
		}
	} else if err := evaluateGlobal(ins, s, out); err != nil {
		return nil, err
	}
	for k := 1; k < len(out); k++ {
		out[k].RankChange = rankChange(out[k-1].Ranks, out[k].Ranks)
	}
	return out, nil
}

// evaluateGlobal fills out with the periods of ins normalised together.
func evaluateGlobal(ins []Input, s Spec, out []*Result) error {
	if len(ins) == 0 {
		return nil
	}
	var units []string
	for k, in := range ins {
		r, err := evaluateToTreated(in, s)
		if err != nil {
			return periodError(in.Period, err)
		}
		out[k] = r
		units = append(units, r.Final().Units...)
	}
	cols := out[0].Final().Cols
	pool := NewDataset(units, cols)
	at := 0
	for k, r := range out {
		d := r.Final()
		if !slices.Equal(d.Cols, cols) {
			return periodError(ins[k].Period, &Error{Kind: ErrBadParameter, Detail: "indicators differ from the first period"})
		}
		for c := range cols {
			copy(pool.Vals[c][at:], d.Vals[c])
		}
		at += len(d.Units)
	}
	norm, err := Normalise(pool, ins[0].Tree, *s.Normalise)
	if err != nil {
		return err
	}
	at = 0
	for k, r := range out {
		n := len(r.Final().Units)
		idx := make([]int, n)
		for u := range idx {
			idx[u] = at + u
		}
		at += n
		if err := finishResult(r, ins[k].Tree, s, norm.SelectUnits(idx)); err != nil {
			return periodError(ins[k].Period, err)
		}
	}
	return nil
}

// rankChange returns prev − cur for every column of cur, matching units by
// code and columns by name.
func rankChange(prev, cur *Dataset) *Dataset {
	out := NewDataset(cur.Units, cur.Cols)
	pu := make(map[string]int, len(prev.Units))
	for u, code := range prev.Units {
		pu[code] = u
	}
	for c, code := range cur.Cols {
		p := prev.Col(code)
		if p == nil {
			continue
		}
		for u, unit := range cur.Units {
			if i, ok := pu[unit]; ok {
				out.Vals[c][u] = p[i] - cur.Vals[c][u] // NA propagates
			}
		}
	}
	return out
}

func periodError(period string, err error) error {
	if period == "" {
		return err
	}
	return fmt.Errorf("%s: %w", period, err)
}
