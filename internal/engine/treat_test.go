package engine

import (
	"math"
	"strconv"
	"testing"
)

const treatTol = 1e-9

// treatNear reports whether got is within treatTol of want (relative above 1),
// NA matching NA.
func treatNear(got, want float64) bool {
	if IsNA(got) || IsNA(want) {
		return IsNA(got) == IsNA(want)
	}
	return math.Abs(got-want) <= treatTol*math.Max(1, math.Abs(want))
}

func TestSkewKurtScreened(t *testing.T) {
	d := readDatasetCSV(t, "expected/example/dset_Screened.csv", isIndicator(t))
	recs := readCSV(t, "expected/treat/Screened_skew_kurt.csv")
	if len(recs)-1 != len(d.Cols) {
		t.Fatalf("%d rows for %d indicators", len(recs)-1, len(d.Cols))
	}
	n := 0
	for _, r := range recs[1:] {
		x := d.Col(r[0])
		if x == nil {
			t.Fatalf("no column %s", r[0])
		}
		for i, got := range []float64{Skew(x), Kurt(x)} {
			want := parseExpected(t, "Screened_skew_kurt.csv", r[1+i])
			n++
			if !treatNear(got, want) {
				t.Errorf("%s %s = %.17g, want %.17g", r[0], recs[0][1+i], got, want)
			}
		}
	}
	t.Logf("compared %d skew/kurtosis values", n)
}

func TestTreatPrimitives(t *testing.T) {
	const path = "expected/treat/primitives_Screened_Bord_Gas_ForPort_FemLab.csv"
	recs := readCSV(t, path)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	// Group the rows (one per unit and indicator) by indicator.
	rows := map[string][][]string{}
	var order []string
	for _, r := range recs[1:] {
		ic := r[col["iCode"]]
		if rows[ic] == nil {
			order = append(order, ic)
		}
		rows[ic] = append(rows[ic], r)
	}
	neg := func(x []float64) []float64 {
		y := make([]float64, len(x))
		for i, v := range x {
			y[i] = -v
		}
		return y
	}
	prims := map[string]func(x []float64) []float64{
		"winsorise_default": func(x []float64) []float64 { return Winsorise(x, 5, 2, 3.5).X },
		"winsorise_winmax2": func(x []float64) []float64 { return Winsorise(x, 2, 2, 3.5).X },
		"log_CT":            LogCT,
		"log_CT_plus":       func(x []float64) []float64 { y, _ := LogCTPlus(x); return y },
		// log_CT_plus on −x exercises the negative-skew branch.
		"log_CT_plus_of_negx": func(x []float64) []float64 { y, _ := LogCTPlus(neg(x)); return y },
		"log_CT_orig":         LogCTOrig,
		// COINr's log_GII returns its input unchanged (it computes the log
		// but returns x); the engine does not offer it.
		"log_GII_returned": func(x []float64) []float64 { return x },
		"boxcox_l0.5":      func(x []float64) []float64 { return BoxCox(x, 0.5) },
		"boxcox_l0":        func(x []float64) []float64 { return BoxCox(x, 0) },
	}
	screened := readDatasetCSV(t, "expected/example/dset_Screened.csv", isIndicator(t))
	n := 0
	for _, ic := range order {
		rs := rows[ic]
		x := make([]float64, len(rs))
		for u, r := range rs {
			x[u] = parseExpected(t, path, r[col["x"]])
			if su := screened.UnitIndex(r[col["uCode"]]); su < 0 || screened.Col(ic)[su] != x[u] {
				t.Fatalf("%s/%s: x differs from dset_Screened", r[col["uCode"]], ic)
			}
		}
		for _, name := range recs[0][3:] {
			f, ok := prims[name]
			if !ok {
				t.Errorf("no primitive for column %s", name)
				continue
			}
			t.Run(ic+"/"+name, func(t *testing.T) {
				got := f(x)
				for u, r := range rs {
					want := parseExpected(t, path, r[col[name]])
					n++
					if !treatNear(got[u], want) {
						t.Errorf("%s = %.17g, want %.17g", r[col["uCode"]], got[u], want)
					}
				}
			})
		}
	}
	t.Logf("compared %d primitive values", n)
}

// treatCase is one COINr treatment run and its expected outputs.
type treatCase struct {
	name    string
	input   string // data set treated
	spec    TreatSpec
	data    string // expected treated data set; "" = not exported
	details []string
	points  []string
}

var treatCases = []treatCase{
	{
		name: "winmax1_logCT", input: "expected/example/dset_Screened.csv", spec: TreatSpec{WinMax: 1},
		data:    "expected/treat/Screened_qTreat_winmax1_logCT_data.csv",
		details: []string{"expected/treat/Screened_qTreat_winmax1_logCT_details.csv"},
		points:  []string{"expected/treat/Screened_qTreat_winmax1_logCT_points.csv"},
	},
	{
		name: "winmax1_logCTplus", input: "expected/example/dset_Screened.csv", spec: TreatSpec{WinMax: 1, Log: "log_CT_plus"},
		data:    "expected/treat/Screened_qTreat_winmax1_logCTplus_data.csv",
		details: []string{"expected/treat/Screened_qTreat_winmax1_logCTplus_details.csv"},
		points:  []string{"expected/treat/Screened_qTreat_winmax1_logCTplus_points.csv"},
	},
	{
		name: "winmax1_combine", input: "expected/example/dset_Screened.csv", spec: TreatSpec{WinMax: 1, Combine: true},
		data:    "expected/treat/Screened_Treat_winmax1_combine_data.csv",
		details: []string{"expected/treat/Screened_Treat_winmax1_combine_details.csv"},
		points:  []string{"expected/treat/Screened_Treat_winmax1_combine_points.csv"},
	},
	{
		name: "winmax5_skew1_kurt2", input: "expected/example/dset_Screened.csv", spec: TreatSpec{WinMax: 5, SkewThresh: 1, KurtThresh: 2},
		data:    "expected/treat/Screened_qTreat_winmax5_skew1_kurt2_data.csv",
		details: []string{"expected/treat/Screened_qTreat_winmax5_skew1_kurt2_details.csv"},
		points:  []string{"expected/treat/Screened_qTreat_winmax5_skew1_kurt2_points.csv"},
	},
	{
		name: "example_default", input: "expected/example/dset_Screened.csv", spec: TreatSpec{WinMax: 5},
		data:    "expected/example/dset_Treated.csv",
		details: []string{"expected/treat/example_Treat_default_details.csv"},
		points:  []string{"expected/treat/example_Treat_default_points.csv"},
	},
	{
		name: "simple_default", input: "expected/simple/dset_Raw.csv", spec: TreatSpec{WinMax: 5},
		data:    "expected/simple/dset_Treated.csv",
		details: []string{"expected/simple/simple_qTreat_Raw_details.csv", "expected/treat/simple_qTreat_Raw_details.csv"},
		points:  []string{"expected/simple/simple_qTreat_Raw_points.csv", "expected/treat/simple_qTreat_Raw_points.csv"},
	},
}

func TestTreatCOINr(t *testing.T) {
	total := 0
	for _, tc := range treatCases {
		t.Run(tc.name, func(t *testing.T) {
			keep := isIndicator(t)
			in := readDatasetCSV(t, tc.input, keep)
			got, rep, err := Treat(in, tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			if tc.data != "" {
				n += closeEnough(t, "data", got, readDatasetCSV(t, tc.data, keep), treatTol)
			}
			for _, p := range tc.details {
				n += checkTreatDetails(t, p, rep)
			}
			for _, p := range tc.points {
				n += checkTreatPoints(t, p, rep)
			}
			t.Logf("%s: %d values and flags compared", tc.name, n)
			total += n
		})
	}
	t.Logf("compared %d values and flags in all", total)
}

// checkTreatDetails compares rep with a COINr Dets_Table export and returns the
// number of entries compared.
func checkTreatDetails(t *testing.T, path string, rep *TreatReport) int {
	t.Helper()
	recs := readCSV(t, path)
	byCode := map[string]*IndicatorTreatment{}
	for i := range rep.Indicators {
		byCode[rep.Indicators[i].Code] = &rep.Indicators[i]
	}
	seen := map[string]bool{}
	n := 0
	hasCol := map[string]bool{}
	for _, h := range recs[0] {
		hasCol[h] = true
	}
	for _, r := range recs[1:] {
		code := r[0]
		it := byCode[code]
		if it == nil {
			t.Errorf("%s: indicator %s not in the report", path, code)
			continue
		}
		seen[code] = true
		if it.Skipped {
			t.Errorf("%s: %s skipped, COINr treated it", path, code)
			continue
		}
		// Stages absent from COINr's table must not have run either.
		if !hasCol["winsorise.nwin"] && it.Winsorised || !hasCol["check_SkewKurt2.Pass"] && it.Logged {
			t.Errorf("%s: %s went further than COINr", path, code)
		}
		for i, h := range recs[0][1:] {
			s := r[i+1]
			n++
			var ok bool
			var got string
			switch h {
			case "check_SkewKurt0.Pass", "check_SkewKurt0.Skew", "check_SkewKurt0.Kurt":
				got, ok = checkTreatField(it.Before, true, h, s)
			case "check_SkewKurt1.Pass", "check_SkewKurt1.Skew", "check_SkewKurt1.Kurt":
				got, ok = checkTreatField(it.AfterWin, it.Winsorised, h, s)
			case "check_SkewKurt2.Pass", "check_SkewKurt2.Skew", "check_SkewKurt2.Kurt":
				got, ok = checkTreatField(it.AfterLog, it.Logged, h, s)
			case "winsorise.nwin":
				if it.Winsorised {
					got = strconv.Itoa(it.NWin)
				}
				ok = got == s
			default:
				t.Fatalf("%s: unexpected column %s", path, h)
			}
			if !ok {
				t.Errorf("%s: %s %s = %q, want %q", path, code, h, got, s)
			}
		}
	}
	for _, it := range rep.Indicators {
		if !seen[it.Code] && !it.Skipped {
			t.Errorf("%s: %s treated, COINr left it out", path, it.Code)
		}
	}
	return n
}

// checkTreatField compares one check_SkewKurt entry (Pass, Skew or Kurt) of a
// details row; ran says whether the check took place (else want is empty).
func checkTreatField(c SkewKurtCheck, ran bool, col, want string) (string, bool) {
	if !ran {
		return "", want == ""
	}
	var got string
	var v float64
	switch col[len(col)-4:] {
	case "Pass":
		got = "FALSE"
		if c.Pass {
			got = "TRUE"
		}
		return got, got == want
	case "Skew":
		v = c.Skew
	default:
		v = c.Kurt
	}
	w, err := strconv.ParseFloat(want, 64)
	return strconv.FormatFloat(v, 'g', -1, 64), err == nil && treatNear(v, w)
}

// checkTreatPoints compares rep's point flags with a COINr Treated_Points
// export and returns the number of flags compared.
func checkTreatPoints(t *testing.T, path string, rep *TreatReport) int {
	t.Helper()
	recs := readCSV(t, path)
	byCode := map[string]*IndicatorTreatment{}
	for i := range rep.Indicators {
		byCode[rep.Indicators[i].Code] = &rep.Indicators[i]
	}
	unit := map[string]int{}
	for u, c := range rep.Units {
		unit[c] = u
	}
	n := 0
	for _, r := range recs[1:] {
		u, ok := unit[r[0]]
		if !ok {
			t.Fatalf("%s: unknown unit %s", path, r[0])
		}
		for i, code := range recs[0][1:] {
			it := byCode[code]
			if it == nil || it.Skipped {
				t.Fatalf("%s: indicator %s not treated", path, code)
			}
			n++
			if got := it.Points[u].String(); got != r[i+1] {
				t.Errorf("%s: %s/%s = %q, want %q", path, r[0], code, got, r[i+1])
			}
		}
	}
	return n
}
