package engine

import (
	"math"
	"testing"
)

func TestColumnStats(t *testing.T) {
	d := NewDataset([]string{"a", "b", "c", "d", "e", "f"}, []string{"x", "z"})
	copy(d.Vals[0], []float64{1, 2, 3, 4, 10, NA})
	copy(d.Vals[1], []float64{0, 0, 0, 0, 1, 1})
	got := Stats(d, StatsThresholds{})
	// Deviations of x from 4: −3 −2 −1 0 6; m2 = 10, m3 = 36, m4 = 278.8.
	g1 := 36 / math.Pow(10, 1.5)
	g2 := 278.8/100 - 3
	x := got[0]
	want := map[string][2]float64{
		"min": {x.Min, 1}, "max": {x.Max, 10}, "mean": {x.Mean, 4}, "median": {x.Median, 3},
		"sd": {x.SD, math.Sqrt(12.5)}, "skew": {x.Skew, g1 * math.Sqrt(20) / 3},
		"kurt": {x.Kurt, (6*g2 + 6) * 4 / 6}, "frcavail": {x.FrcAvail, 5.0 / 6},
	}
	for k, v := range want {
		if !near9(v[0], v[1]) {
			t.Errorf("x %s = %v, want %v", k, v[0], v[1])
		}
	}
	if x.NAvail != 5 || x.NUnique != 5 || x.NNonZero != 5 || x.NSame != 1 || x.FlagAvail != "ok" || x.FlagSkewKurt != "ok" {
		t.Errorf("x counts/flags: %+v", x)
	}
	z := got[1]
	if z.NNonZero != 2 || z.NUnique != 2 || z.NSame != 4 || z.FlagNonZero != "LOW" || z.FlagUnique != "LOW" || !near9(z.FrcNonZero, 2.0/6) {
		t.Errorf("z: %+v", z)
	}
}

// tCDF3 is Student's t distribution function with 3 degrees of freedom,
// in closed form.
func tCDF3(t float64) float64 {
	u := t / math.Sqrt(3)
	return 0.5 + (u/(1+u*u)+math.Atan(u))/math.Pi
}

func TestCorrelate(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5}
	for _, tc := range []struct {
		name   string
		y      []float64
		method string
		r      float64
		n      int
	}{
		{"pearson", []float64{2, 4, 5, 4, 5}, Pearson, 6 / math.Sqrt(60), 5},
		{"spearman ties", []float64{1, 3, 2, 2, 5}, Spearman, 6.5 / math.Sqrt(95), 5},
		{"pairwise", []float64{2, NA, 5, 4, NA}, Pearson, 33.0 / 42, 3}, // pairs (1,2) (3,5) (4,4)
		{"constant", []float64{3, 3, 3, 3, 3}, Pearson, NA, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, n := Correlate(x, tc.y, tc.method)
			if n != tc.n || !(near9(r, tc.r) || IsNA(r) && IsNA(tc.r)) {
				t.Errorf("r %v n %d, want %v %d", r, n, tc.r, tc.n)
			}
		})
	}
	r := 6 / math.Sqrt(60)
	tt := r * math.Sqrt(3/(1-r*r))
	if got, want := corrPValue(r, 5), 2*(1-tCDF3(tt)); !near9(got, want) {
		t.Errorf("p = %v, want %v", got, want)
	}
}

func TestCronbach(t *testing.T) {
	items := [][]float64{{6, 5, 9, 3, 2, 1, 5}, {6, 5, 8, 2, 3, 1, 4}, {8, 6, 6, 4, 2, 2, 6}}
	// Textbook form: k/(k−1)·(1 − Σ var(item)/var(total)).
	total := make([]float64, 7)
	var sv float64
	for _, it := range items {
		sd := SD(it)
		sv += sd * sd
		for i, v := range it {
			total[i] += v
		}
	}
	st := SD(total)
	want := 1.5 * (1 - sv/(st*st))
	if got := CronbachAlpha(items); !near9(got, want) {
		t.Errorf("alpha %v, want %v", got, want)
	}
	if !IsNA(CronbachAlpha(items[:1])) {
		t.Error("alpha of one item is not NA")
	}
}

func TestPCA(t *testing.T) {
	d := NewDataset([]string{"a", "b", "c", "d", "e", "f"}, []string{"x", "y", "w"})
	copy(d.Vals[0], []float64{1, 2, 3, 4, 5, NA})
	copy(d.Vals[1], []float64{2, 4, 5, 4, 5, 1})
	copy(d.Vals[2], []float64{5, 1, 4, 2, 2, 3})
	// Two columns with correlation r: eigenvalues 1 ± r, loadings (1, 1)/√2.
	res, err := PCA(d, []string{"x", "y"})
	if err != nil {
		t.Fatal(err)
	}
	r := 6 / math.Sqrt(60)
	s := 1 / math.Sqrt2
	if res.N != 5 || !near9(res.Variance[0], 1+r) || !near9(res.Variance[1], 1-r) || !near9(res.Explained[0], (1+r)/2) ||
		!near9(res.Weights[0], s) || !near9(res.Weights[1], s) {
		t.Errorf("%+v", res)
	}
	// Three columns: every component satisfies C·v = λ·v, and the
	// variances add up to 3.
	res, err = PCA(d, []string{"x", "y", "w"})
	if err != nil {
		t.Fatal(err)
	}
	codes := res.Codes
	var sum float64
	for k, v := range res.Loadings {
		sum += res.Variance[k]
		for i := range codes {
			var cv float64
			for j := range codes {
				c, _ := Correlate(completeRows(d, codes, codes[i]), completeRows(d, codes, codes[j]), Pearson)
				cv += c * v[j]
			}
			if math.Abs(cv-res.Variance[k]*v[i]) > 1e-9 {
				t.Errorf("component %d row %d: Cv %v, λv %v", k, i, cv, res.Variance[k]*v[i])
			}
		}
	}
	if !near9(sum, 3) {
		t.Errorf("variances sum to %v", sum)
	}
	if _, err := PCA(d, []string{"x"}); err == nil {
		t.Error("PCA of one column")
	}
}

// completeRows returns column c over the rows where every column of codes
// is present.
func completeRows(d *Dataset, codes []string, c string) []float64 {
	var out []float64
	for u := range d.Units {
		ok := true
		for _, k := range codes {
			ok = ok && !IsNA(d.Col(k)[u])
		}
		if ok {
			out = append(out, d.Col(c)[u])
		}
	}
	return out
}

func TestAvailability(t *testing.T) {
	tr := smallTree(t, 1, 1)
	d := NewDataset([]string{"p", "q", "r"}, []string{"A", "B"})
	copy(d.Vals[0], []float64{1, NA, 0})
	copy(d.Vals[1], []float64{2, NA, 3})
	units, aggs := Availability(d, tr)
	if len(aggs) != 1 || aggs[0] != "T" {
		t.Fatalf("aggregates %v", aggs)
	}
	want := []UnitAvailability{
		{Unit: "p", DatAvail: 1, NonZero: 1, ByAggregate: []float64{1}},
		{Unit: "q", NMissing: 2, NMissOrZero: 2, DatAvail: 0, NonZero: NA, ByAggregate: []float64{0}},
		{Unit: "r", NZero: 1, NMissOrZero: 1, DatAvail: 1, NonZero: 0.5, ByAggregate: []float64{1}},
	}
	for i, w := range want {
		g := units[i]
		if g.Unit != w.Unit || g.NMissing != w.NMissing || g.NZero != w.NZero || g.NMissOrZero != w.NMissOrZero ||
			g.DatAvail != w.DatAvail || !(g.NonZero == w.NonZero || IsNA(w.NonZero) && IsNA(g.NonZero)) || g.ByAggregate[0] != w.ByAggregate[0] {
			t.Errorf("%d: %+v, want %+v", i, g, w)
		}
	}
	groups := AvailabilityByGroup(units, []string{"g", "h", "g"})
	if len(groups) != 2 || groups[0].Units != 2 || groups[0].DatAvail != 1 || groups[0].Complete != 2 || groups[1].DatAvail != 0 {
		t.Errorf("groups %+v", groups)
	}
}

// TestAnalyseASEM runs the structure-aware analyses on COINr's example.
func TestAnalyseASEM(t *testing.T) {
	in := asemInputs(t, "ASEM_iData.csv")[0]
	r, err := Evaluate(in, exampleSpec())
	if err != nil {
		t.Fatal(err)
	}
	agg := r.Stage(StageAggregated)
	par := CorrelateWithParents(agg, in.Tree, 1, false, Pearson)
	if len(par) != 49 {
		t.Errorf("%d indicator–pillar correlations, want 49", len(par))
	}
	fam := CorrelateWithParents(agg, in.Tree, 1, true, Spearman)
	if len(fam) != 3*49 {
		t.Errorf("%d family correlations, want %d", len(fam), 3*49)
	}
	// Pairs within the 8 pillars: Σ k(k−1)/2 over the pillar sizes.
	want := 0
	for _, i := range in.Tree.Levels[0] {
		k := len(in.Tree.Children[i])
		want += k * (k - 1) / 2
	}
	if got := CorrelateWithinGroups(agg, in.Tree, 1, 2, Pearson); len(got) != want {
		t.Errorf("%d within-pillar pairs, want %d", len(got), want)
	}
	rel := CronbachByAggregate(agg, in.Tree, 0)
	if len(rel) != 11 {
		t.Errorf("%d aggregates with alpha, want 11", len(rel))
	}
	for _, x := range rel {
		if IsNA(x.Alpha) || x.Alpha > 1 {
			t.Errorf("%s: alpha %v", x.Node, x.Alpha)
		}
	}
	pcs, errs := PCAByGroup(r.Stage(StageNormalised), in.Tree, 1)
	if len(pcs)+len(errs) != 8 {
		t.Errorf("%d PCAs and %d errors for 8 pillars", len(pcs), len(errs))
	}
}
