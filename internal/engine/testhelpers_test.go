package engine

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// asemDir is the COINr example data and expected outputs.
const asemDir = "../../testdata/asem"

// readCSV reads a whole CSV file (header first).
func readCSV(tb testing.TB, path string) [][]string {
	tb.Helper()
	f, err := os.Open(filepath.Join(asemDir, path))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return recs
}

// readDatasetCSV reads an expected data set (one row per unit, a uCode
// column) keeping only the columns for which keep returns true (nil keeps
// every column other than uCode). Empty fields are NA.
func readDatasetCSV(tb testing.TB, path string, keep func(col string) bool) *Dataset {
	tb.Helper()
	recs := readCSV(tb, path)
	head := recs[0]
	ucol := -1
	var cols []string
	var idx []int
	for i, h := range head {
		switch {
		case h == "uCode":
			ucol = i
		case keep == nil || keep(h):
			cols = append(cols, h)
			idx = append(idx, i)
		}
	}
	if ucol < 0 {
		tb.Fatalf("%s: no uCode column", path)
	}
	units := make([]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		units = append(units, r[ucol])
	}
	d := NewDataset(units, cols)
	for u, r := range recs[1:] {
		for c, i := range idx {
			d.Vals[c][u] = parseExpected(tb, path, r[i])
		}
	}
	return d
}

func parseExpected(tb testing.TB, path, s string) float64 {
	switch s {
	case "", "NA":
		return NA
	case "TRUE":
		return 1
	case "FALSE":
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		tb.Fatalf("%s: %q: %v", path, s, err)
	}
	return v
}

// asemMeta reads ASEM_iMeta.csv into a Meta (indicators and aggregates only).
func asemMeta(tb testing.TB) Meta {
	tb.Helper()
	recs := readCSV(tb, "ASEM_iMeta.csv")
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	num := func(r []string, name string) float64 {
		i, ok := col[name]
		if !ok {
			return NA
		}
		return parseExpected(tb, "ASEM_iMeta.csv", r[i])
	}
	var m Meta
	for _, r := range recs[1:] {
		typ := r[col["Type"]]
		if typ != "Indicator" && typ != "Aggregate" {
			continue
		}
		n := Node{
			Code: r[col["iCode"]], Name: r[col["iName"]], Level: int(num(r, "Level")),
			Direction: num(r, "Direction"), Weight: num(r, "Weight"), Parent: r[col["Parent"]],
			Denominator: r[col["Denominator"]], Target: num(r, "Target"),
			GoalLower: NA, GoalUpper: NA, GoalScale: NA, CapMax: NA,
		}
		if IsNA(n.Direction) {
			n.Direction = 1
		}
		m.Nodes = append(m.Nodes, n)
	}
	return m
}

// isIndicator returns a filter keeping the ASEM indicator columns.
func isIndicator(tb testing.TB) func(string) bool {
	set := map[string]bool{}
	for _, n := range asemMeta(tb).Nodes {
		if n.Level == 1 {
			set[n.Code] = true
		}
	}
	return func(c string) bool { return set[c] }
}

// closeEnough compares two data sets column by column: same units and
// columns, NA where the other is NA, values within tol (relative to the
// larger magnitude when it exceeds 1). It reports at most 10 mismatches
// and returns the number of values compared.
func closeEnough(tb testing.TB, name string, got, want *Dataset, tol float64) int {
	tb.Helper()
	n, bad := 0, 0
	for c, code := range want.Cols {
		g := got.Col(code)
		if g == nil {
			tb.Errorf("%s: column %s missing", name, code)
			continue
		}
		for u, unit := range want.Units {
			gu := got.UnitIndex(unit)
			if gu < 0 {
				tb.Errorf("%s: unit %s missing", name, unit)
				return n
			}
			w, x := want.Vals[c][u], g[gu]
			n++
			scale := math.Max(1, math.Max(math.Abs(w), math.Abs(x)))
			if IsNA(w) != IsNA(x) || (!IsNA(w) && math.Abs(w-x) > tol*scale) {
				bad++
				if bad <= 10 {
					tb.Errorf("%s: %s/%s = %.17g, want %.17g", name, unit, code, x, w)
				}
			}
		}
	}
	if bad > 10 {
		tb.Errorf("%s: %d mismatches in all", name, bad)
	}
	return n
}

func TestHelpersReadExample(t *testing.T) {
	d := readDatasetCSV(t, "expected/example/dset_Raw.csv", isIndicator(t))
	if len(d.Units) != 51 || len(d.Cols) != 49 {
		t.Fatalf("Raw is %d × %d, want 51 × 49", len(d.Units), len(d.Cols))
	}
	if _, err := NewTree(asemMeta(t)); err != nil {
		t.Fatal(err)
	}
	if n := closeEnough(t, "self", d, d, 0); n != 51*49 {
		t.Errorf("compared %d values", n)
	}
}
