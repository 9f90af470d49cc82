package engine

import "fmt"

// COINr's default thresholds of check_SkewKurt.
const (
	DefaultSkewThresh = 2
	DefaultKurtThresh = 3.5
)

// TreatReport records what Treat did to every column and point, in the
// shape of COINr's Dets_Table (one IndicatorTreatment per column) and
// Treated_Points (IndicatorTreatment.Points).
type TreatReport struct {
	Units      []string             // the units, in the order of Points
	Indicators []IndicatorTreatment // one per column of the data set, in order
}

// IndicatorTreatment is what Treat did to one column. The checks are
// COINr's check_SkewKurt0 (Before), check_SkewKurt1 (AfterWin) and
// check_SkewKurt2 (AfterLog).
type IndicatorTreatment struct {
	Code   string
	Before SkewKurtCheck
	// Winsorised is set when Before failed, so that Winsorisation ran
	// (possibly on 0 points when WinMax is 0); NWin and AfterWin are then
	// meaningful. The Winsorised values are discarded when Logged is set
	// and the spec does not Combine.
	Winsorised bool
	NWin       int
	AfterWin   SkewKurtCheck
	// Logged is set when AfterWin failed, so that the log transformation
	// was applied; AfterLog is then meaningful and may still fail.
	Logged   bool
	LogNeg   bool // log_CT_plus used its negative-skew branch
	Combined bool // the log was applied to the Winsorised values
	AfterLog SkewKurtCheck
	// Skipped is set when a check was undecided (fewer than 3 values, no
	// spread): the column is left untreated, as COINr does with a warning,
	// and COINr's details and points tables omit it. Points is then nil.
	Skipped bool
	Points  []PointFlag // per unit
}

// Changed reports whether the treatment changed the column's values.
func (t *IndicatorTreatment) Changed() bool {
	return !t.Skipped && (t.Logged || (t.Winsorised && t.NWin > 0))
}

// TreatedIndicator summarises the treatment of one indicator for a
// warning such as "treated outliers: Gas, 3 points Winsorised (AUT, BEL,
// CHN)".
type TreatedIndicator struct {
	Code string
	// WinHi and WinLo are the units whose Winsorised values were kept
	// (none when the log replaced the Winsorisation).
	WinHi, WinLo []string
	// Log is "log_CT", "log_CT_neg" (log_CT_plus on a negative skew) or ""
	// when no log was applied.
	Log string
	// StillFails is set when the indicator still failed the skew/kurtosis
	// check after the last treatment.
	StillFails bool
	// Skipped is set when the indicator could not be checked and was left
	// untreated.
	Skipped bool
}

// Summary lists, in column order, every indicator that was treated or
// skipped; indicators that passed the check as they were are left out.
func (r *TreatReport) Summary() []TreatedIndicator {
	var out []TreatedIndicator
	for i := range r.Indicators {
		t := &r.Indicators[i]
		if !t.Skipped && !t.Changed() {
			continue
		}
		s := TreatedIndicator{Code: t.Code, Skipped: t.Skipped}
		if t.Skipped {
			out = append(out, s)
			continue
		}
		s.StillFails = !t.AfterWin.Pass
		if t.Logged {
			s.Log = "log_CT"
			if t.LogNeg {
				s.Log = "log_CT_neg"
			}
			s.StillFails = !t.AfterLog.Pass
		}
		if !t.Logged || t.Combined {
			for u, f := range t.Points {
				switch {
				case f&FlagWinHi != 0:
					s.WinHi = append(s.WinHi, r.Units[u])
				case f&FlagWinLo != 0:
					s.WinLo = append(s.WinLo, r.Units[u])
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// Treat treats every column of d for outliers independently, with the
// semantics of COINr's Treat (winsorise, then log_CT or log_CT_plus,
// checked by check_SkewKurt):
//
//  1. A column passes when |skew| < SkewThresh or kurtosis < KurtThresh
//     (see CheckSkewKurt); it is then left as it is.
//  2. Otherwise it is Winsorised (see Winsorise) up to WinMax points; WinMax
//     0 means no Winsorisation, so that a failing column goes straight to
//     the log.
//  3. If it still fails, the log transformation is applied to the original
//     column (to the Winsorised one when Combine is set) and the result is
//     kept whether or not it passes.
//
// Missing values are ignored by every statistic and stay missing. A column
// whose check is undecided (fewer than 3 values, or no spread) is left
// untreated and marked Skipped. Treat returns an *Error for a bad spec.
func Treat(d *Dataset, s TreatSpec) (*Dataset, *TreatReport, error) {
	st, kt := s.SkewThresh, s.KurtThresh
	if st == 0 {
		st = DefaultSkewThresh
	}
	if kt == 0 {
		kt = DefaultKurtThresh
	}
	switch {
	case s.Log != "" && s.Log != "log_CT" && s.Log != "log_CT_plus":
		return nil, nil, &Error{Kind: ErrUnknownMethod, Detail: s.Log}
	case s.WinMax < 0:
		return nil, nil, &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("winmax = %d < 0", s.WinMax)}
	case st < 0 || IsNA(st):
		return nil, nil, &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("skew threshold = %g", st)}
	case IsNA(kt):
		return nil, nil, &Error{Kind: ErrBadParameter, Detail: "kurtosis threshold = NaN"}
	}
	out := d.Clone()
	rep := &TreatReport{Units: append([]string(nil), d.Units...), Indicators: make([]IndicatorTreatment, len(d.Cols))}
	for c, code := range d.Cols {
		t, y := treatColumn(d.Vals[c], s, st, kt)
		t.Code = code
		if t.Changed() {
			copy(out.Vals[c], y)
		}
		rep.Indicators[c] = t
	}
	return out, rep, nil
}

// treatColumn runs COINr's Treat.numeric on one column and returns the
// record and the treated values (x itself when nothing changed).
func treatColumn(x []float64, s TreatSpec, st, kt float64) (IndicatorTreatment, []float64) {
	t := IndicatorTreatment{Before: CheckSkewKurt(x, st, kt), Points: make([]PointFlag, len(x))}
	skip := func() (IndicatorTreatment, []float64) {
		return IndicatorTreatment{Before: t.Before, Skipped: true}, x
	}
	switch {
	case t.Before.Undecided:
		return skip()
	case t.Before.Pass:
		return t, x
	}
	w := Winsorise(x, s.WinMax, st, kt)
	if w.Undecided {
		return skip()
	}
	t.Winsorised, t.NWin = true, w.NWin
	copy(t.Points, w.Flags)
	t.AfterWin = CheckSkewKurt(w.X, st, kt)
	switch {
	case t.AfterWin.Undecided:
		return skip()
	case t.AfterWin.Pass:
		return t, w.X
	}
	base := x
	if s.Combine {
		base, t.Combined = w.X, true
	}
	flag := FlagLog
	var y []float64
	if s.Log == "log_CT_plus" {
		y, t.LogNeg = LogCTPlus(base)
		if t.LogNeg {
			flag = FlagLogNeg
		}
	} else {
		y = LogCT(base)
	}
	t.AfterLog = CheckSkewKurt(y, st, kt)
	if t.AfterLog.Undecided {
		return skip()
	}
	t.Logged = true
	for u := range t.Points {
		t.Points[u] |= flag
	}
	return t, y
}
