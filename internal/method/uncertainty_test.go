package method

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/engine"
)

func TestUncertaintyParse(t *testing.T) {
	m, err := Parse("m.toml", []byte(base+`[uncertainty]
weights = { 1 = 0.2, 2 = 0.25 }
winmax = [1, 3]
aggregate = ["amean", "genmean:0.5"]
impute = ["none", "median-group"]
leave_out = true
n = 500
seed = 7
`))
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(7)
	want := &Uncertainty{Weights: []engine.LevelNoise{{Level: 1, Factor: 0.2}, {Level: 2, Factor: 0.25}},
		WinMax: []int{1, 2, 3}, Aggregate: []string{"amean", "genmean:0.5"}, Impute: []string{"none", "median-group"},
		LeaveOut: true, N: 500, Seed: &seed}
	if d := cmp.Diff(want, m.Uncertainty); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if o := m.Uncertainty.Options(); o.N != 500 || o.Seed != 7 {
		t.Errorf("options %+v, want N 500, seed 7", o)
	}
	if o := (&Uncertainty{}).Options(); o.N != 1000 || o.Seed != 1 {
		t.Errorf("default options %+v, want N 1000, seed 1", o)
	}
	if m, err = Parse("m.toml", []byte(base)); err != nil || m.Uncertainty != nil {
		t.Errorf("without [uncertainty]: %v, %+v", err, m.Uncertainty)
	}
}

// TestUncertaintyErrors checks every validation message of [uncertainty],
// located at its line (the table starts at line 36).
func TestUncertaintyErrors(t *testing.T) {
	tests := []struct {
		name, toml string
		want       []string
	}{
		{"top level", "weights = { 3 = 0.2 }",
			[]string{"m.toml:37: uncertainty.weights.3: level 3 cannot be perturbed: it must be 1 to 2 (1 = indicators; the top node has no siblings)"}},
		{"level zero", "weights = { 0 = 0.2 }",
			[]string{"m.toml:37: uncertainty.weights.0: level 0 cannot be perturbed: it must be 1 to 2 (1 = indicators; the top node has no siblings)"}},
		{"level key", "weights = { areas = 0.2 }",
			[]string{`m.toml:37: uncertainty.weights.areas: the level must be an integer (1 = indicators, counting up), found "areas"`}},
		{"level twice", "weights = { 2 = 0.2, 02 = 0.3 }",
			[]string{"m.toml:37: uncertainty.weights.2: level 2 is given twice"}},
		{"factor", "weights = { 1 = 1.5 }",
			[]string{"m.toml:37: uncertainty.weights.1: the factor must be between 0 and 1, found 1.5"}},
		{"factor type", `weights = { 1 = "a lot" }`,
			[]string{"m.toml:37: uncertainty.weights.1: expected a number"}},
		{"winmax order", "winmax = [5, 1]",
			[]string{"m.toml:37: uncertainty.winmax: expected the range of Winsorisation limits [A, B] (integers, 0 ≤ A ≤ B), e.g. [1, 5]"}},
		{"winmax length", "winmax = [1, 2, 3]",
			[]string{"m.toml:37: uncertainty.winmax: expected the range of Winsorisation limits [A, B] (integers, 0 ≤ A ≤ B), e.g. [1, 5]"}},
		{"winmax fraction", "winmax = [1, 2.5]",
			[]string{"m.toml:37: uncertainty.winmax: expected the range of Winsorisation limits [A, B] (integers, 0 ≤ A ≤ B), e.g. [1, 5]"}},
		{"aggregate", `aggregate = ["amean", "median"]`,
			[]string{`m.toml:37: uncertainty.aggregate[1]: must be one of amean, gmean, hmean, genmean:P, found "median"`}},
		{"impute", "\nimpute = [\n\"mean\",\n\"knn\"]",
			[]string{`m.toml:40: uncertainty.impute[1]: must be one of none, mean, median, mean-group, median-group, found "knn"`}},
		{"normalise", `normalise = ["minmax"]`,
			[]string{"m.toml:37: uncertainty.normalise: the method's scoring rules replace normalisation: normalisation cannot be an uncertain input"}},
		{"unknown", "leave_one_out = true",
			[]string{"m.toml:37: uncertainty.leave_one_out: unknown field"}},
		{"n", "n = -1\nseed = -2",
			[]string{"m.toml:37: uncertainty.n: must be positive, found -1", "m.toml:38: uncertainty.seed: the seed must be a non-negative integer"}},
		{"types", "leave_out = 1\nn = 1.5",
			[]string{"m.toml:37: uncertainty.leave_out: expected true or false", "m.toml:38: uncertainty.n: expected an integer"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("m.toml", []byte(base+"[uncertainty]\n"+tc.toml+"\n"))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %v, want Errors", err)
			}
			if d := cmp.Diff(strings.Join(tc.want, "\n"), es.Message("en")); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// TestUncertaintyCheck checks inputs given outside the file (flags).
func TestUncertaintyCheck(t *testing.T) {
	m := mustParse(t, base)
	for _, tc := range []struct {
		u    Uncertainty
		want string
	}{
		{Uncertainty{Weights: []engine.LevelNoise{{Level: 3, Factor: 0.1}}}, "uncertain input weights.3: level 3 cannot be perturbed: it must be 1 to 2 (1 = indicators; the top node has no siblings)"},
		{Uncertainty{WinMax: []int{-1}}, "uncertain input winmax[0]: must not be negative, found -1"},
		{Uncertainty{Aggregate: []string{"copeland"}}, `uncertain input aggregate[0]: must be one of amean, gmean, hmean, genmean:P, found "copeland"`},
		{Uncertainty{Impute: []string{"mean-group:类型"}}, `uncertain input impute[0]: must be one of none, mean, median, mean-group, median-group, found "mean-group:类型"`},
	} {
		err := tc.u.Check(m)
		var ie *InputError
		if !errors.As(err, &ie) || err.Error() != tc.want {
			t.Errorf("%+v: %v, want %s", tc.u, err, tc.want)
		}
	}
	if err := (&Uncertainty{Weights: []engine.LevelNoise{{Level: 2, Factor: 1}}, LeaveOut: true}).Check(m); err != nil {
		t.Error(err)
	}
}

// gansuVary is COINr's example analysis transposed to the demo: weights
// ±25 % for the indicators and the areas, winmax 1–5, amean or gmean.
var gansuVary = Uncertainty{Weights: []engine.LevelNoise{{Level: 1, Factor: 0.25}, {Level: 2, Factor: 0.25}},
	WinMax: []int{1, 2, 3, 4, 5}, Aggregate: []string{"amean", "gmean"}, LeaveOut: true}

// TestAnalysisZeroPerturbation varies nothing in effect (factors 0, the
// method's own treatment and aggregation as the only alternatives): every
// replicate's ranks must be the nominal ranks, which are Run's.
func TestAnalysisZeroPerturbation(t *testing.T) {
	m, in := gansuInput(t, "2022")
	o, err := Run(m, in)
	if err != nil {
		t.Fatal(err)
	}
	u := Uncertainty{Weights: []engine.LevelNoise{{Level: 1, Factor: 0}, {Level: 2, Factor: 0}},
		WinMax: []int{5}, Aggregate: []string{"amean"}, Impute: []string{"none", "none"}}
	a, err := NewAnalysis(m, in, u)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"impute", "winmax", "weights", "aggregate"}, a.Variables()); d != "" {
		t.Error(d)
	}
	s, err := a.Uncertainty(context.Background(), engine.RunOptions{N: 200, Seed: 5, KeepRanks: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Ranks) != 200 || s.Failed != 0 || s.Node != "total" || len(s.Units) != 86 {
		t.Fatalf("%d replicates kept, %d failed, node %s, %d units", len(s.Ranks), s.Failed, s.Node, len(s.Units))
	}
	for i, ranks := range s.Ranks {
		for u, rk := range ranks {
			if float64(rk) != o.Rank[u] {
				t.Fatalf("replicate %d: %s ranks %d, Run %v", i, s.Units[u], rk, o.Rank[u])
			}
		}
	}
	if d := cmp.Diff(o.Rank, s.Nominal); d != "" {
		t.Errorf("nominal (-Run +analysis):\n%s", d)
	}
	for u := range s.Units {
		if s.Mean[u] != o.Rank[u] || s.Q5[u] != o.Rank[u] || s.Q95[u] != o.Rank[u] || s.PTop[u] != b2f(o.Rank[u] <= 10) {
			t.Errorf("%s: mean %v, q5 %v, q95 %v, p_top10 %v; nominal %v", s.Units[u], s.Mean[u], s.Q5[u], s.Q95[u], s.PTop[u], o.Rank[u])
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// TestAnalysisDeterministic checks that the seed alone fixes the output,
// whatever the number of workers, and that another seed changes it.
func TestAnalysisDeterministic(t *testing.T) {
	m, in := gansuInput(t, "2022")
	a, err := NewAnalysis(m, in, gansuVary)
	if err != nil {
		t.Fatal(err)
	}
	run := func(seed uint64, workers int) *engine.RankStats {
		s, err := a.Uncertainty(context.Background(), engine.RunOptions{N: 300, Seed: seed, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	one, four := run(3, 1), run(3, 4)
	if d := cmp.Diff(one, four, cmpErrors); d != "" {
		t.Errorf("1 and 4 workers differ:\n%s", d)
	}
	if cmp.Equal(one, run(4, 4), cmpErrors) {
		t.Error("seeds 3 and 4 give the same statistics")
	}
	spread := 0
	for u := range one.Units {
		if one.Q95[u] > one.Q5[u] {
			spread++
		}
		if !(one.Q5[u] <= one.Median[u] && one.Median[u] <= one.Q95[u]) {
			t.Errorf("%s: q5 %v, median %v, q95 %v", one.Units[u], one.Q5[u], one.Median[u], one.Q95[u])
		}
	}
	if spread < 43 {
		t.Errorf("only %d of 86 units have a rank interval", spread)
	}
}

// cmpErrors compares errors by message.
var cmpErrors = cmp.Comparer(func(a, b error) bool { return (a == nil) == (b == nil) && (a == nil || a.Error() == b.Error()) })

// TestAnalysisSobolAndRemove runs the Sobol design and the remove-one
// analysis of the areas, the latter checked against perturbed runs.
func TestAnalysisSobolAndRemove(t *testing.T) {
	m, in := gansuInput(t, "2022")
	a, err := NewAnalysis(m, in, gansuVary)
	if err != nil {
		t.Fatal(err)
	}
	res, err := a.Sobol(context.Background(), engine.RunOptions{N: 64, Seed: 1}, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Y) != 64*6 || res.Stats.Runs != 128 || len(res.Indices) != 4 {
		t.Fatalf("%d runs, %d in the statistics, %d indices", len(res.Y), res.Stats.Runs, len(res.Indices))
	}
	for i, name := range []string{"winmax", "weights", "aggregate", "leave_out"} {
		x := res.Indices[i]
		if x.Variable != name || !(x.STi >= 0) || engine.IsNA(x.SiQ5) || !(x.STiQ5 <= x.STiQ95) {
			t.Errorf("index %d: %+v", i, x)
		}
	}
	rm, err := a.RemoveLevel(2)
	if err != nil {
		t.Fatal(err)
	}
	areas := []string{"Nominal", "econ", "fiscal", "industry", "sector", "welfare", "green"}
	if len(rm) != len(areas) || rm[0].MeanAbsRankChange != 0 {
		t.Fatalf("%+v", rm)
	}
	_, nom := a.Nominal()
	for i, x := range rm[1:] {
		if x.Removed != areas[i+1] {
			t.Errorf("row %d: %s, want %s", i+1, x.Removed, areas[i+1])
		}
		_, ranks, err := RunPerturbed(m, in, Perturbation{Weights: map[string]float64{x.Removed: 0}})
		if err != nil {
			t.Fatal(err)
		}
		sum := 0.0
		for u := range ranks {
			sum += max(ranks[u]-nom[u], nom[u]-ranks[u])
		}
		if want := sum / float64(len(ranks)); x.MeanAbsRankChange != want || want == 0 {
			t.Errorf("%s: %v, want %v", x.Removed, x.MeanAbsRankChange, want)
		}
	}
	if _, err := a.RemoveLevel(3); err == nil {
		t.Error("removing the top node: no error")
	}
	if rm, err := a.RemoveLevel(1); err != nil || len(rm) != 29 { // nominal + 28 scored indicators
		t.Errorf("indicators: %d rows, %v", len(rm), err)
	}
}

// TestAnalysisFailedReplicates: gmean meets a zero score, so every gmean
// replicate fails; they are counted, the first failure is reported the
// same whatever the workers, and the statistics are those of the amean
// replicates (the nominal ranks).
func TestAnalysisFailedReplicates(t *testing.T) {
	m := mustParse(t, awardsMethod)
	in := awardsInput()
	in.Data.Values["y"][2] = 0 // completion 0 for 620122
	a, err := NewAnalysis(m, in, Uncertainty{Aggregate: []string{"amean", "gmean"}})
	if err != nil {
		t.Fatal(err)
	}
	var first *engine.RankStats
	for _, workers := range []int{1, 4} {
		s, err := a.Uncertainty(context.Background(), engine.RunOptions{N: 400, Seed: 9, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if s.Failed < 150 || s.Failed > 250 || s.FirstError == nil || !strings.Contains(s.FirstError.Error(), "620122") {
			t.Fatalf("%d workers: %d of 400 failed, first error %v", workers, s.Failed, s.FirstError)
		}
		if d := cmp.Diff(s.Nominal, s.Median); d != "" {
			t.Errorf("medians (-nominal +got):\n%s", d)
		}
		if first == nil {
			first = s
		} else if d := cmp.Diff(first, s, cmpErrors); d != "" {
			t.Errorf("1 and 4 workers differ:\n%s", d)
		}
	}
}
