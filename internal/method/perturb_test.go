package method

import (
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

const gansu = "../../examples/gansu/"

// gansuInput reads the Gansu demo method and the inputs of year (2021:
// data only; 2022: data, events and targets).
func gansuInput(t testing.TB, year string) (*Method, Input) {
	t.Helper()
	src, err := os.ReadFile(gansu + "method.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse("method.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	return m, readInput(t, m, year, year == "2022")
}

// readInput reads the demo data of year and, when full, the events and
// targets of 2022.
func readInput(t testing.TB, m *Method, year string, full bool) Input {
	t.Helper()
	tab, err := xlsx.ReadTable(gansu+"data-"+year+".xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Period: year}
	if in.Data, err = ReadData(m, tab); err != nil {
		t.Fatal(err)
	}
	if !full {
		return in
	}
	read := func(name string) *table.Table {
		f, err := os.Open(gansu + name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		tab, err := table.Read(name, f)
		if err != nil {
			t.Fatal(err)
		}
		return tab
	}
	if in.Events, err = ReadEvents(m, in.Data, read("events-2022.csv")); err != nil {
		t.Fatal(err)
	}
	if in.Targets, err = ReadTargets(m, in.Data, read("targets-2022.csv")); err != nil {
		t.Fatal(err)
	}
	return in
}

// exact compares scores and ranks bit for bit (NaN equal to NaN).
var exact = cmpopts.EquateNaNs()

// scale multiplies the weight of code under every type, as a person would
// edit the method file.
func scale(m *Method, code string, f float64) {
	edit := func(w *float64, ws map[string]float64) {
		*w *= f
		for k := range ws {
			ws[k] *= f
		}
	}
	for i := range m.Indicators {
		if m.Indicators[i].Code == code {
			edit(&m.Indicators[i].Weight, m.Indicators[i].Weights)
		}
	}
	for i := range m.Nodes {
		if m.Nodes[i].Code == code {
			edit(&m.Nodes[i].Weight, m.Nodes[i].Weights)
		}
	}
}

// TestRunnerMatchesRun checks that a perturbed run gives exactly the
// overall scores and ranks of Run on the method edited by hand: the
// unperturbed method (both years, with and without events and targets),
// weight multipliers, a left-out indicator, another treatment, imputation
// and aggregation, and the other overall and tie-break rules.
func TestRunnerMatchesRun(t *testing.T) {
	for _, year := range []string{"2021", "2022"} {
		tests := []struct {
			name string
			p    Perturbation
			edit func(m *Method)
		}{
			{"nominal", Perturbation{}, func(*Method) {}},
			{"weights", Perturbation{Weights: map[string]float64{"econ": 1.3, "green": 0.7, "gdp": 0.5, "forest": 2, "total": 3}},
				func(m *Method) {
					scale(m, "econ", 1.3)
					scale(m, "green", 0.7)
					scale(m, "gdp", 0.5)
					scale(m, "forest", 2)
				}},
			{"leave out", Perturbation{LeaveOut: "retail"}, func(m *Method) { scale(m, "retail", 0) }},
			{"area at zero", Perturbation{Weights: map[string]float64{"sector": 0}}, func(m *Method) { scale(m, "sector", 0) }},
			{"treat", Perturbation{Treat: "winmax:1"}, func(m *Method) { m.Pipeline.Treat = "winmax:1" }},
			{"no treatment", Perturbation{Treat: "none"}, func(m *Method) { m.Pipeline.Treat = "none" }},
			{"impute", Perturbation{Impute: "median-group"}, func(m *Method) { m.Pipeline.Impute = "median-group" }},
			{"gmean", Perturbation{Aggregate: "gmean"}, func(m *Method) { m.Pipeline.Aggregate = "gmean" }},
			{"genmean", Perturbation{Aggregate: "genmean:2", Impute: "mean"},
				func(m *Method) { m.Pipeline.Aggregate, m.Pipeline.Impute = "genmean:2", "mean" }},
		}
		for _, tc := range tests {
			t.Run(year+"/"+tc.name, func(t *testing.T) {
				m, in := gansuInput(t, year)
				r, err := NewRunner(m, in)
				if err != nil {
					t.Fatal(err)
				}
				scores, ranks, err := r.Run(tc.p)
				if err != nil {
					t.Fatal(err)
				}
				edited, _ := gansuInput(t, year)
				tc.edit(edited)
				o, err := Run(edited, in)
				if err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(o.Overall, scores, exact); d != "" {
					t.Errorf("scores (-Run +Runner):\n%s", d)
				}
				if d := cmp.Diff(o.Rank, ranks, exact); d != "" {
					t.Errorf("ranks (-Run +Runner):\n%s", d)
				}
				if tc.name == "nominal" {
					_, nom := r.Nominal()
					if d := cmp.Diff(o.Rank, nom, exact); d != "" {
						t.Errorf("nominal ranks (-Run +Runner):\n%s", d)
					}
				} else if cmp.Equal(ranks, r.nomRank, exact) && tc.name != "impute" {
					// Each perturbation here is large enough to move someone
					// (the demo has no missing values: imputing changes nothing).
					t.Errorf("ranks equal the nominal ranks")
				}
			})
		}
	}
}

// TestRunnerRules runs the rules the demo does not use: overall max and
// mean, tie-break by areas, no rounding, and weights from AHP and entropy.
func TestRunnerRules(t *testing.T) {
	tests := []struct {
		name string
		edit func(m *Method)
	}{
		{"max", func(m *Method) { m.Overall = "max" }},
		{"mean with tie-break", func(m *Method) { m.Overall, m.TieBreak, m.Decimals = "mean", []string{"econ", "green"}, 0 }},
		{"no rounding", func(m *Method) { m.Decimals = -1 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, in := gansuInput(t, "2022")
			tc.edit(m)
			compareRunner(t, m, in, Perturbation{Weights: map[string]float64{"fiscal": 1.1}}, func(m *Method) { scale(m, "fiscal", 1.1) })
		})
	}
	t.Run("ahp and entropy", func(t *testing.T) {
		_, m := readExample(t)
		in := readInput(t, m, "2022", false)
		compareRunner(t, m, in, Perturbation{Aggregate: "gmean"}, func(m *Method) { m.Pipeline.Aggregate = "gmean" })
		// Multipliers apply to derived weights: the runner's weights are the
		// derived ones times the factor (checked through the nominal run).
		r, err := NewRunner(m, in)
		if err != nil {
			t.Fatal(err)
		}
		_, up, err := r.Run(Perturbation{Weights: map[string]float64{"green": 3}})
		if err != nil {
			t.Fatal(err)
		}
		if cmp.Equal(up, r.nomRank, exact) {
			t.Error("tripling the green area's derived weight moved nobody")
		}
	})
}

func compareRunner(t *testing.T, m *Method, in Input, p Perturbation, edit func(*Method)) {
	t.Helper()
	o, err := Run(m, in)
	if err != nil {
		t.Fatal(err)
	}
	scores, ranks, err := RunPerturbed(m, in, Perturbation{})
	if err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(o.Overall, scores, exact) || !cmp.Equal(o.Rank, ranks, exact) {
		t.Errorf("unperturbed: (-Run +Runner)\n%s%s", cmp.Diff(o.Overall, scores, exact), cmp.Diff(o.Rank, ranks, exact))
	}
	scores, ranks, err = RunPerturbed(m, in, p)
	if err != nil {
		t.Fatal(err)
	}
	mc := *m
	mc.Indicators = append([]Indicator(nil), m.Indicators...)
	mc.Nodes = append([]Node(nil), m.Nodes...)
	for i := range mc.Nodes {
		mc.Nodes[i].Weights = cloneWeights(mc.Nodes[i].Weights)
	}
	for i := range mc.Indicators {
		mc.Indicators[i].Weights = cloneWeights(mc.Indicators[i].Weights)
	}
	edit(&mc)
	if o, err = Run(&mc, in); err != nil {
		t.Fatal(err)
	}
	if !cmp.Equal(o.Overall, scores, exact) || !cmp.Equal(o.Rank, ranks, exact) {
		t.Errorf("perturbed: (-Run +Runner)\n%s%s", cmp.Diff(o.Overall, scores, exact), cmp.Diff(o.Rank, ranks, exact))
	}
}

func cloneWeights(w map[string]float64) map[string]float64 {
	if w == nil {
		return nil
	}
	c := make(map[string]float64, len(w))
	for k, v := range w {
		c[k] = v
	}
	return c
}

// TestRunnerErrors checks that a misspelt perturbation is an error naming
// the input.
func TestRunnerErrors(t *testing.T) {
	m, in := gansuInput(t, "2021")
	r, err := NewRunner(m, in)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		p    Perturbation
		want string
	}{
		{Perturbation{Treat: "winsor"}, `uncertain input treat: must be one of none, default, winmax:N, found "winsor"`},
		{Perturbation{Impute: "knn"}, `uncertain input impute: must be one of none, mean, median, mean-group, median-group, found "knn"`},
		{Perturbation{Aggregate: "median"}, `uncertain input aggregate: must be one of amean, gmean, hmean, genmean:P, found "median"`},
		{Perturbation{Weights: map[string]float64{"nope": 1}}, `uncertain input weights: unknown node "nope"`},
		{Perturbation{Weights: map[string]float64{"econ": -1}}, `uncertain input weights: must not be negative, found -1`},
		{Perturbation{LeaveOut: "econ"}, `uncertain input leave_out: unknown indicator "econ"`},
		{Perturbation{LeaveOut: "pop"}, `uncertain input leave_out: unknown indicator "pop"`},
	} {
		if _, _, err := r.Run(tc.p); err == nil || err.Error() != tc.want {
			t.Errorf("%+v: error %v, want %s", tc.p, err, tc.want)
		}
	}
}

// TestFastRound checks the runner's rounding against round on random and
// on half-way values.
func TestFastRound(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vals := []float64{2.675, 1.005, -2.675, 0.125, -0.125, 1e-9, -1e-9, 99.995, 84.985, 1e12 + 0.005, 0, math.NaN(), math.Inf(1)}
	for range 20000 {
		v := (rng.Float64() - 0.3) * 200
		vals = append(vals, v)
		// Values written with three decimals sit on the rounding edge.
		s := strconv.FormatFloat(math.Round(v*1000)/1000, 'f', 3, 64)
		h, _ := strconv.ParseFloat(s[:len(s)-1]+"5", 64)
		vals = append(vals, h)
	}
	for _, d := range []int{-1, 0, 2, 4} {
		r := &Runner{m: &Method{Decimals: d}, scale: math.Pow(10, float64(d))}
		for _, v := range vals {
			if got, want := r.round(v), round(v, d); !(got == want && math.Signbit(got) == math.Signbit(want)) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("round(%v, %d) = %v, want %v", v, d, got, want)
			}
		}
	}
}
