package engine

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// asemInputs reads an ASEM iData file (ASEM_iData.csv or the panel
// ASEM_iData_p.csv) into one Input per Time value, in chronological order:
// indicators as Raw, the iMeta denominators as Denoms, the iMeta groups as
// Groups.
func asemInputs(tb testing.TB, file string) []Input {
	tb.Helper()
	tree, err := NewTree(asemMeta(tb))
	if err != nil {
		tb.Fatal(err)
	}
	types := map[string]string{}
	meta := readCSV(tb, "ASEM_iMeta.csv")
	for _, r := range meta[1:] {
		types[r[1]] = r[len(r)-1] // iCode → Type
	}
	recs := readCSV(tb, file)
	head := recs[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	var periods []string
	rows := map[string][][]string{}
	for _, r := range recs[1:] {
		p := r[col["Time"]]
		if rows[p] == nil {
			periods = append(periods, p)
		}
		rows[p] = append(rows[p], r)
	}
	slices.Sort(periods)
	var ind, den, grp []string
	for _, h := range head {
		switch types[h] {
		case "Indicator":
			ind = append(ind, h)
		case "Denominator":
			den = append(den, h)
		case "Group":
			grp = append(grp, h)
		}
	}
	fill := func(rs [][]string, units, cols []string) *Dataset {
		d := NewDataset(units, cols)
		for u, r := range rs {
			for c, h := range cols {
				d.Vals[c][u] = parseExpected(tb, file, r[col[h]])
			}
		}
		return d
	}
	var ins []Input
	for _, p := range periods {
		rs := rows[p]
		units := make([]string, len(rs))
		for u, r := range rs {
			units[u] = r[col["uCode"]]
		}
		in := Input{Tree: tree, Raw: fill(rs, units, ind), Denoms: fill(rs, units, den), Groups: map[string][]string{}, Period: p}
		for _, g := range grp {
			labels := make([]string, len(rs))
			for u, r := range rs {
				labels[u] = r[col[g]]
			}
			in.Groups[g] = labels
		}
		ins = append(ins, in)
	}
	return ins
}

func ptr[T any](v T) *T { return &v }

// exampleSpec is COINr's build_example_coin pipeline.
func exampleSpec() Spec {
	return Spec{
		Denominate: true,
		Impute:     &ImputeSpec{Method: "mean", Group: "EurAsia_group"},
		Screen:     ptr(0.9),
		Treat:      &TreatSpec{WinMax: 5},
		Normalise:  &NormSpec{Method: "minmax", Params: []float64{0, 100}},
		Aggregate:  &AggSpec{Method: "amean"},
	}
}

func TestEvaluateExample(t *testing.T) {
	ins := asemInputs(t, "ASEM_iData.csv")
	r, err := Evaluate(ins[0], exampleSpec())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range r.Stages {
		names = append(names, s.Name)
	}
	wantNames := []string{StageRaw, StageDenominated, StageImputed, StageScreened, StageTreated, StageNormalised, StageAggregated}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("stages %v, want %v", names, wantNames)
	}
	total := 0
	for _, st := range wantNames {
		keep := isIndicator(t)
		if st == StageAggregated {
			keep = nil
		}
		want := readDatasetCSV(t, "expected/example/dset_"+st+".csv", keep)
		got := r.Stage(st)
		if len(got.Units) != len(want.Units) || len(got.Cols) != len(want.Cols) {
			t.Errorf("%s: %d × %d, want %d × %d", st, len(got.Units), len(got.Cols), len(want.Units), len(want.Cols))
		}
		n := closeEnough(t, st, got, want, 1e-9)
		t.Logf("%s: %d values match", st, n)
		total += n
	}
	ranks := readDatasetCSV(t, "expected/example/example_Aggregated_ranks_min_ties.csv", nil)
	n := closeEnough(t, "ranks", r.Ranks, ranks, 0)
	t.Logf("ranks: %d values match exactly; %d values in all", n, total+n)
	if r.Treat == nil || r.Screen == nil {
		t.Error("missing Treat or Screen report")
	}
	checkScreenSummary(t, r.Screen)
}

// checkScreenSummary compares the report with COINr's screening summary.
func checkScreenSummary(t *testing.T, rep *ScreenReport) {
	t.Helper()
	want := readDatasetCSV(t, "expected/example/screen_data_summary.csv", nil)
	got := NewDataset(nil, want.Cols)
	for _, u := range rep.Units {
		got.Units = append(got.Units, u.Unit)
	}
	got = NewDataset(got.Units, want.Cols)
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	for u, s := range rep.Units {
		vals := map[string]float64{
			"N_missing": float64(s.Missing), "N_zero": float64(s.Zero), "N_miss_or_zero": float64(s.Missing + s.Zero),
			"Dat_Avail": s.DatAvail, "Non_Zero": s.NonZero, "LowData": b(s.DatAvail < rep.Threshold),
			"LowNonZero": b(s.NonZero < 0.05), "LowDatOrZeroFlag": b(s.DatAvail < rep.Threshold || s.NonZero < 0.05),
			"Included": b(s.Kept),
		}
		for c, code := range want.Cols {
			v, ok := vals[code]
			if !ok {
				t.Fatalf("screen summary: unknown column %s", code)
			}
			got.Vals[c][u] = v
		}
	}
	n := closeEnough(t, "screen summary", got, want, 1e-15)
	t.Logf("screen summary: %d values match", n)
}

func TestEvaluateSimple(t *testing.T) {
	ins := asemInputs(t, "ASEM_iData.csv")
	s := Spec{
		Treat:     &TreatSpec{WinMax: 5},
		Normalise: &NormSpec{Method: "minmax", Params: []float64{0, 100}},
		Aggregate: &AggSpec{Method: "amean"},
	}
	r, err := Evaluate(ins[0], s)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, st := range []string{StageRaw, StageTreated, StageNormalised} {
		n += closeEnough(t, st, r.Stage(st), readDatasetCSV(t, "expected/simple/dset_"+st+".csv", isIndicator(t)), 1e-9)
	}
	n += closeEnough(t, "Aggregated", r.Final(), readDatasetCSV(t, "expected/simple/dset_Aggregated.csv", nil), 1e-9)
	m := closeEnough(t, "ranks", r.Ranks, readDatasetCSV(t, "expected/simple/simple_Aggregated_ranks_min_ties.csv", nil), 0)
	t.Logf("simple: %d values within 1e-9, %d ranks exact", n, m)
	// The raw NAs flow through to the normalised data; amean drops them.
	nas := 0
	for _, x := range r.Stage(StageNormalised).Vals {
		for _, v := range x {
			if IsNA(v) {
				nas++
			}
		}
	}
	if nas == 0 || slices.ContainsFunc(r.Final().Col("Index"), IsNA) {
		t.Errorf("%d NAs in Normalised; Index has NAs: %v", nas, slices.ContainsFunc(r.Final().Col("Index"), IsNA))
	}
}

func TestEvaluateErrors(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	noDenoms := in
	noDenoms.Denoms = nil
	missingCol := in
	missingCol.Raw = in.Raw.SelectCols(in.Raw.Cols[1:])
	holes := in
	holes.Raw = in.Raw.Clone()
	for u := range holes.Raw.Vals[0] {
		holes.Raw.Vals[0][u] = NA
	}
	cases := []struct {
		name   string
		in     Input
		s      Spec
		kind   ErrKind
		detail string
	}{
		{"unknown group", in, Spec{Impute: &ImputeSpec{Method: "mean", Group: "Region"}}, ErrBadParameter, "Region"},
		{"no denominators", noDenoms, Spec{Denominate: true}, ErrNoDenominator, ""},
		{"bad threshold", in, Spec{Screen: ptr(1.5)}, ErrBadParameter, "1.5"},
		{"everyone screened", holes, Spec{Screen: ptr(1.0)}, ErrNoUnits, ""},
		{"missing indicator", missingCol, Spec{}, ErrUnknownNode, ""},
		{"gmean on minmax zeros", in, Spec{Normalise: &NormSpec{Method: "minmax", Params: []float64{0, 100}}, Aggregate: &AggSpec{Method: "gmean"}}, ErrNonPositive, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Evaluate(c.in, c.s)
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind {
				t.Fatalf("err = %v, want kind %d", err, c.kind)
			}
			if !strings.Contains(e.Detail, c.detail) {
				t.Errorf("detail %q does not name %q", e.Detail, c.detail)
			}
		})
	}
}

func TestRankDataset(t *testing.T) {
	d := rowsData([]float64{3}, []float64{NA}, []float64{5}, []float64{3}, []float64{-0.0}, []float64{0})
	got := RankDataset(d).Vals[0]
	want := []float64{2, NA, 1, 2, 4, 4}
	for i := range want {
		if IsNA(want[i]) != IsNA(got[i]) || (!IsNA(want[i]) && got[i] != want[i]) {
			t.Fatalf("ranks %v, want %v", got, want)
		}
	}
	// Same as Rank (the normalisers' ranking) on real data.
	agg := readDatasetCSV(t, "expected/example/dset_Aggregated.csv", nil)
	r := RankDataset(agg)
	for c, x := range agg.Vals {
		if !slices.EqualFunc(r.Vals[c], Rank(x, TiesMin), func(a, b float64) bool { return a == b || IsNA(a) && IsNA(b) }) {
			t.Errorf("%s: RankDataset and Rank differ", agg.Cols[c])
		}
	}
}
