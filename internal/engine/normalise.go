package engine

import "fmt"

// Normalisation methods (NormSpec.Method), named after COINr's n_*
// functions.
const (
	NormMinMax    = "minmax"
	NormZScore    = "zscore"
	NormScaled    = "scaled"
	NormRank      = "rank"
	NormBorda     = "borda"
	NormPRank     = "prank"
	NormFracMax   = "fracmax"
	NormDist2Max  = "dist2max"
	NormDist2Ref  = "dist2ref"
	NormDist2Targ = "dist2targ"
	NormGoalposts = "goalposts"
	NormNone      = "none"
)

// Normalise returns d with every column normalised as COINr's
// Normalise.coin: each column, which must be an indicator of t
// (ErrUnknownNode otherwise), is multiplied by its node's Direction and then
// transformed by s.Method (see NormaliseColumn). Missing values stay
// missing.
//
// Each column is normalised over all the rows of d, so global normalisation
// of a panel (COINr's Normalise.purse with global = TRUE) is this function
// applied to the periods' rows stacked into one data set. Unit codes need
// not be unique; the reference unit of dist2ref is the first row with code
// s.Ref (ErrUnknownUnit when there is none).
func Normalise(d *Dataset, t *Tree, s NormSpec) (*Dataset, error) {
	if err := checkNormSpec(s); err != nil {
		return nil, err
	}
	ref := -1
	if s.Method == NormDist2Ref {
		if ref = d.UnitIndex(s.Ref); ref < 0 {
			return nil, &Error{Kind: ErrUnknownUnit, Unit: s.Ref, Detail: NormDist2Ref}
		}
	}
	nodes := make([]Node, len(d.Cols))
	for c, code := range d.Cols {
		n, ok := t.Node(code)
		if !ok || n.Level != 1 {
			return nil, &Error{Kind: ErrUnknownNode, Node: code}
		}
		nodes[c] = n
	}
	out := NewDataset(d.Units, d.Cols)
	var sc Scratch
	for c := range d.Cols {
		if err := NormaliseColumn(out.Vals[c], d.Vals[c], nodes[c], s, ref, &sc); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// NormaliseColumn normalises one indicator column x into dst (same length;
// dst may be x itself) with COINr's semantics, allocating nothing once sc
// has grown (sc may be nil). x is first multiplied by node.Direction (which
// must be 1 or -1), then s.Method is applied to the result y:
//
//   - minmax: (y − min)/(max − min)·(u − l) + l, Params [l u], default [0 100]
//   - zscore: (y − mean)/sd·s + m (sample sd), Params [m s], default [0 1], s > 0
//   - scaled: (y − l)/(u − l)·f, Params [l u] or [l u f], default [0 100 100]
//   - rank: rank of y from the lowest (the highest value gets the highest
//     score, as COINr's n_rank), ties by s.Ties
//   - borda: rank − 1; prank: (rank − 1)/(n − 1), n = present values
//   - fracmax: y/max; dist2max: 1 − (max − y)/(max − min)
//   - dist2ref: 1 − (y_ref − y)/(y_ref − min), y_ref = y[ref]; capped at 1
//     when s.Cap
//   - dist2targ: (y − min)/(t − min), t = node.Target·Direction (the target
//     flips with the data); capped at 1 when node.CapMax is 1 (iMeta's
//     dist2targ_cap_max), or, when node.CapMax is NA, when s.Cap
//   - goalposts: (y − l)/(u − l) with l = node.GoalLower, u = node.GoalUpper
//     (flipped, l = −GoalUpper and u = −GoalLower, when Direction is −1, so
//     the score runs from the worse goalpost to the better one), truncated
//     to [0, 1], times node.GoalScale (1 when NA)
//   - none: y
//
// A constant column gives NaN (0/0) wherever a method divides by the range
// or the sd, as in COINr, which only warns. Errors: ErrUnknownMethod,
// ErrBadParameter (params, ties, direction, lengths), ErrUnknownUnit (ref
// out of range), ErrMissingTarget (NA target or goalpost); they name
// node.Code.
func NormaliseColumn(dst, x []float64, node Node, s NormSpec, ref int, sc *Scratch) error {
	if len(dst) != len(x) {
		return &Error{Kind: ErrBadParameter, Node: node.Code, Detail: fmt.Sprintf("%d values normalised into %d", len(x), len(dst))}
	}
	dir := node.Direction
	if dir != 1 && dir != -1 {
		return &Error{Kind: ErrBadParameter, Node: node.Code, Detail: fmt.Sprintf("direction %g (want 1 or -1)", dir)}
	}
	p, err := normParams(s)
	if err != nil {
		err.Node = node.Code
		return err
	}
	// Check the method's own inputs before touching dst, so that on error
	// dst (possibly x itself) is unchanged.
	switch s.Method {
	case NormDist2Ref:
		if ref < 0 || ref >= len(x) {
			return &Error{Kind: ErrUnknownUnit, Node: node.Code, Unit: fmt.Sprintf("#%d", ref+1), Detail: NormDist2Ref}
		}
	case NormDist2Targ:
		if IsNA(node.Target) {
			return &Error{Kind: ErrMissingTarget, Node: node.Code, Detail: "Target"}
		}
	case NormGoalposts:
		if IsNA(node.GoalLower) || IsNA(node.GoalUpper) {
			return &Error{Kind: ErrMissingTarget, Node: node.Code, Detail: "goalpost_lower/goalpost_upper"}
		}
	}
	for i, v := range x {
		dst[i] = v * dir
	}
	switch s.Method {
	case NormMinMax:
		normMinMax(dst, p[0], p[1])
	case NormZScore:
		normZScore(dst, p[0], p[1])
	case NormScaled:
		normScaled(dst, p[0], p[1], p[2])
	case NormRank:
		rankInto(dst, dst, s.Ties, false, sc)
	case NormBorda:
		rankInto(dst, dst, s.Ties, false, sc)
		for i := range dst {
			dst[i]-- // NaN stays NaN
		}
	case NormPRank:
		normPRank(dst, s.Ties, sc)
	case NormFracMax:
		normFracMax(dst)
	case NormDist2Max:
		normDist2Max(dst)
	case NormDist2Ref:
		normDist2(dst, dst[ref], s.Cap)
	case NormDist2Targ:
		capMax := s.Cap
		if !IsNA(node.CapMax) {
			capMax = node.CapMax == 1
		}
		normDist2Targ(dst, node.Target*dir, capMax)
	case NormGoalposts:
		normGoalposts(dst, node, dir)
	}
	return nil
}

// checkNormSpec validates s once for a whole data set, so that an unknown
// method or a bad parameter is reported even when there are no columns.
func checkNormSpec(s NormSpec) error {
	if _, err := normParams(s); err != nil {
		return err
	}
	return nil
}

// normParams checks s.Method, s.Params and s.Ties and returns the numeric
// parameters of the method with COINr's defaults filled in. It returns a
// fixed-size array so that the hot path does not allocate.
func normParams(s NormSpec) ([3]float64, *Error) {
	var p [3]float64
	bad := func(format string, args ...any) ([3]float64, *Error) {
		return p, &Error{Kind: ErrBadParameter, Detail: s.Method + ": " + fmt.Sprintf(format, args...)}
	}
	for _, v := range s.Params {
		if IsNA(v) {
			return bad("parameters %v contain NA", s.Params)
		}
	}
	switch s.Method {
	case NormMinMax, NormZScore:
		p[0], p[1] = 0, 100
		if s.Method == NormZScore {
			p[1] = 1
		}
		switch len(s.Params) {
		case 0:
		case 2:
			copy(p[:], s.Params)
		default:
			return bad("want 2 parameters, got %d", len(s.Params))
		}
		if s.Method == NormZScore && p[1] <= 0 {
			return bad("standard deviation %g must be positive", p[1])
		}
	case NormScaled:
		p = [3]float64{0, 100, 100}
		switch len(s.Params) {
		case 0, 2, 3:
			copy(p[:], s.Params)
		default:
			return bad("want 2 or 3 parameters, got %d", len(s.Params))
		}
	case NormRank, NormBorda, NormPRank:
		if !ValidTies(s.Ties) {
			return bad("unknown ties %q (want min, average or max)", s.Ties)
		}
		if len(s.Params) > 0 {
			return bad("takes no parameters")
		}
	case NormFracMax, NormDist2Max, NormDist2Ref, NormDist2Targ, NormGoalposts, NormNone:
		if len(s.Params) > 0 {
			return bad("takes no parameters")
		}
	default:
		return p, &Error{Kind: ErrUnknownMethod, Detail: s.Method}
	}
	return p, nil
}
