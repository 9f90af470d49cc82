package engine

// ScreenReport says which units Screen kept and their data availability,
// as COINr's screening DataSummary.
type ScreenReport struct {
	Threshold float64 // the byNA threshold applied
	Units     []ScreenUnit
}

// ScreenUnit is one unit's line of the ScreenReport.
type ScreenUnit struct {
	Unit     string
	Missing  int     // columns with no value
	Zero     int     // columns whose value is 0
	DatAvail float64 // 1 − Missing/columns
	NonZero  float64 // 1 − Zero/(columns − Missing); NA when every value is missing
	Kept     bool    // DatAvail ≥ Threshold
}

// Removed returns the codes of the units that Screen dropped, in order.
func (r *ScreenReport) Removed() []string {
	var out []string
	for _, u := range r.Units {
		if !u.Kept {
			out = append(out, u.Unit)
		}
	}
	return out
}

// Screen keeps the units whose share of present values across the columns
// of d is at least threshold (COINr's Screen with unit_screen = "byNA" and
// dat_thresh = threshold) and reports every unit's availability.
func Screen(d *Dataset, threshold float64) (*Dataset, *ScreenReport) {
	rep := &ScreenReport{Threshold: threshold, Units: make([]ScreenUnit, len(d.Units))}
	for u, code := range d.Units {
		rep.Units[u].Unit = code
	}
	for _, x := range d.Vals {
		for u, v := range x {
			switch {
			case IsNA(v):
				rep.Units[u].Missing++
			case v == 0:
				rep.Units[u].Zero++
			}
		}
	}
	ncol := float64(len(d.Cols))
	keep := make([]int, 0, len(d.Units))
	for u := range rep.Units {
		s := &rep.Units[u]
		s.DatAvail = 1 - float64(s.Missing)/ncol
		s.NonZero = 1 - float64(s.Zero)/(ncol-float64(s.Missing))
		s.Kept = !(s.DatAvail < threshold)
		if s.Kept {
			keep = append(keep, u)
		}
	}
	return d.SelectUnits(keep), rep
}
