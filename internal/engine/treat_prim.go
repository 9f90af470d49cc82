package engine

import "math"

// PointFlag records what outlier treatment did to one value, as COINr's
// Treated_Points table does.
type PointFlag uint8

// The point flags. FlagWinHi and FlagWinLo exclude each other.
const (
	FlagWinHi  PointFlag = 1 << iota // Winsorised at the top ("winhi")
	FlagWinLo                        // Winsorised at the bottom ("winlo")
	FlagLog                          // log-transformed by log_CT ("log_CT")
	FlagLogNeg                       // log-transformed by the negative-skew branch of log_CT_plus ("log_CT_neg")
)

// String renders f as COINr's Treated_Points entry: "winhi", "winlo",
// "+log_CT", "winhi+log_CT", "+log_CT_neg", … or "" for an untouched point.
// The Winsorisation part is kept even when the log replaced the Winsorised
// values, as COINr does.
func (f PointFlag) String() string {
	win := ""
	switch {
	case f&FlagWinLo != 0:
		win = "winlo"
	case f&FlagWinHi != 0:
		win = "winhi"
	}
	switch {
	case f&FlagLogNeg != 0:
		return win + "+log_CT_neg"
	case f&FlagLog != 0:
		return win + "+log_CT"
	}
	return win
}

// WinResult is the outcome of Winsorise.
type WinResult struct {
	X     []float64   // the Winsorised values (a new slice)
	NWin  int         // COINr's nwin, see Winsorise
	Flags []PointFlag // FlagWinHi / FlagWinLo per value, see Winsorise
	// Undecided is set when a skew/kurtosis check (or the skew that picks
	// the side) was undefined while more Winsorisation was allowed: COINr
	// stops with an error there, and Treat leaves the indicator untreated.
	Undecided bool
}

// Winsorise applies COINr's winsorise to x (missing values are ignored and
// kept): while CheckSkewKurt fails and fewer than winmax points have been
// Winsorised, the largest value (or the smallest, when the skew is
// negative) is replaced, together with any values tied with it, by the
// next value. Because Winsorised points join the tie at the new extreme,
// they are caught again at the next step; COINr counts (nwin) and flags only
// the points of the last step at each end, which therefore includes them.
func Winsorise(x []float64, winmax int, skewThresh, kurtThresh float64) WinResult {
	r := WinResult{X: append([]float64(nil), x...), Flags: make([]PointFlag, len(x))}
	y := r.X
	var imax, imin []int
	chk := CheckSkewKurt(y, skewThresh, kurtThresh)
	// The loop condition is R's (!passing) & below_winmax: with an
	// undecided check it is FALSE when the limit is reached, an error
	// otherwise.
	for r.NWin < winmax {
		if chk.Undecided {
			r.Undecided = true
			break
		}
		if chk.Pass {
			break
		}
		// A failing check has |skew| ≥ its threshold, so the sign of the
		// check's own skew is beyond rounding doubt: no exact recount.
		sk := chk.Skew
		if IsNA(sk) {
			r.Undecided = true
			break
		}
		if sk >= 0 {
			imax = winsoriseEnd(y, imax, 1)
		} else {
			imin = winsoriseEnd(y, imin, -1)
		}
		r.NWin = len(imax) + len(imin)
		chk = CheckSkewKurt(y, skewThresh, kurtThresh)
	}
	for _, i := range imax {
		r.Flags[i] = FlagWinHi
	}
	for _, i := range imin {
		r.Flags[i] = FlagWinLo
	}
	return r
}

// winsoriseEnd replaces the extreme values of y at one end (sign 1: the
// maximum, −1: the minimum) by the next value at that end, and returns
// their positions, reusing buf. With no other value the replacement is
// −Inf (or +Inf), as R's max of an empty vector.
func winsoriseEnd(y []float64, buf []int, sign float64) []int {
	ext := math.Inf(-1)
	for _, v := range y {
		if !IsNA(v) && sign*v > ext {
			ext = sign * v
		}
	}
	buf = buf[:0]
	next := math.Inf(-1)
	for i, v := range y {
		switch {
		case IsNA(v):
		case sign*v == ext:
			buf = append(buf, i)
		case sign*v > next:
			next = sign * v
		}
	}
	for _, i := range buf {
		y[i] = sign * next
	}
	return buf
}

// LogCT is COINr's log_CT: ln(x − min + 0.01·(max − min)), min and max over
// the non-missing values; missing values stay missing. The argument is
// positive unless all values are equal (then every result is −Inf).
func LogCT(x []float64) []float64 {
	lo, hi := MinMax(x)
	a := 0.01 * (hi - lo)
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = math.Log(v - lo + a)
	}
	return out
}

// LogCTPlus is COINr's log_CT_plus: LogCT when the skew of x is positive;
// otherwise the mirror transformation −ln(max + 0.01·(max − min) − x), which
// reduces a negative skew, and neg is true. When the skew is undefined
// (fewer than 3 values or no spread; COINr stops with an error) every result
// is NA.
func LogCTPlus(x []float64) (y []float64, neg bool) {
	sk := Skew(x)
	if IsNA(sk) {
		out := make([]float64, len(x))
		for i := range out {
			out[i] = NA
		}
		return out, false
	}
	if sk > 0 {
		return LogCT(x), false
	}
	lo, hi := MinMax(x)
	a := 0.01 * (hi - lo)
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = -math.Log(hi + a - v)
	}
	return out, true
}

// LogCTOrig is COINr's log_CT_orig, the original COIN Tool log:
// ln(x − min + 1), min over the non-missing values.
func LogCTOrig(x []float64) []float64 {
	lo, _ := MinMax(x)
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = math.Log(v - lo + 1)
	}
	return out
}

// BoxCox is COINr's boxcox with its default makepos: the values are first
// shifted to x − min + 1 (min over the non-missing values), then
// transformed to (x^λ − 1)/λ, or ln x when λ = 0.
func BoxCox(x []float64, lambda float64) []float64 {
	lo, _ := MinMax(x)
	out := make([]float64, len(x))
	for i, v := range x {
		v = v - lo + 1
		if lambda == 0 {
			out[i] = math.Log(v)
		} else {
			out[i] = (math.Pow(v, lambda) - 1) / lambda
		}
	}
	return out
}
