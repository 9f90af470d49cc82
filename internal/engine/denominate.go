package engine

// Denominate divides every indicator of t that names a Denominator by that
// column of denoms, matching units by code (COINr's Denominate with the
// iMeta Denominator column and a scale factor of 1). Indicators without a
// denominator are copied unchanged, as are columns of raw that are not
// indicators. A unit of raw missing from denoms is an error, as in COINr;
// denoms may hold extra units.
func Denominate(raw, denoms *Dataset, t *Tree) (*Dataset, error) {
	out := raw.Clone()
	var rows []int // rows[u] = row of raw unit u in denoms, built on first use
	for _, i := range t.Indicators {
		n := t.Nodes[i]
		if n.Denominator == "" {
			continue
		}
		x := out.Col(n.Code)
		if x == nil {
			return nil, &Error{Kind: ErrUnknownNode, Node: n.Code, Detail: "not in the data"}
		}
		var d []float64
		if denoms != nil {
			d = denoms.Col(n.Denominator)
		}
		if d == nil {
			return nil, &Error{Kind: ErrNoDenominator, Node: n.Code, Detail: n.Denominator}
		}
		if rows == nil {
			var err error
			if rows, err = matchUnits(raw.Units, denoms.Units); err != nil {
				return nil, err
			}
		}
		for u := range x {
			x[u] /= d[rows[u]]
		}
	}
	return out, nil
}

// matchUnits returns, for every code of want, its index in have.
func matchUnits(want, have []string) ([]int, error) {
	at := make(map[string]int, len(have))
	for i, c := range have {
		if _, dup := at[c]; !dup {
			at[c] = i
		}
	}
	idx := make([]int, len(want))
	for k, c := range want {
		i, ok := at[c]
		if !ok {
			return nil, &Error{Kind: ErrUnknownUnit, Unit: c}
		}
		idx[k] = i
	}
	return idx, nil
}
