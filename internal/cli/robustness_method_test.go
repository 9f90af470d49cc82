package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gansuInputs are the demo's 2022 inputs.
func gansuInputs() []string {
	return []string{"--method", gansu + "/method.toml", "--data", gansu + "/data-2022.xlsx",
		"--events", gansu + "/events-2022.csv", "--targets", gansu + "/targets-2022.csv", "--previous", gansu + "/result-2021.csv"}
}

func robustnessMethod(t *testing.T, extra ...string) (int, string, string) {
	t.Helper()
	return run(t, append(append([]string{"robustness", "--lang", "en"}, gansuInputs()...), extra...)...)
}

// evaluatedRanks returns the overall rank of every unit as evaluate
// --method publishes it.
func evaluatedRanks(t *testing.T) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "result.csv")
	if code, _, stderr := run(t, append(append([]string{"evaluate"}, gansuInputs()...), "--out", out)...); code != 0 {
		t.Fatalf("evaluate: exit %d: %s", code, stderr)
	}
	_, rows := readLong(t, out)
	ranks := map[string]string{}
	for _, r := range rows {
		if r[1] == "total" {
			ranks[r[0]] = r[4]
		}
	}
	if len(ranks) != 86 {
		t.Fatalf("%d overall ranks in the evaluation", len(ranks))
	}
	return ranks
}

// TestRobustnessMethod runs the uncertainty analysis the demo method
// declares ([uncertainty]): 86 rows, the nominal ranks of evaluate, ordered
// statistics, and the same bytes for 1 and 4 workers.
func TestRobustnessMethod(t *testing.T) {
	dir := t.TempDir()
	out, out1 := filepath.Join(dir, "ranks.csv"), filepath.Join(dir, "ranks1.csv")
	code, stdout, stderr := robustnessMethod(t, "-n", "300", "--seed", "3", "--workers", "4", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"(示例数据: sample data)", "uncertain inputs: winmax, weights, aggregate", "uncertainty analysis of total: 300 replicates"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	head, rows := readLong(t, out)
	if strings.Join(head, ",") != "unit,nominal,mean,median,q5,q95,p_top10" || len(rows) != 86 {
		t.Fatalf("header %v, %d rows", head, len(rows))
	}
	nominal := evaluatedRanks(t)
	moved := 0
	for _, r := range rows {
		v := make([]float64, 6)
		for i := range v {
			var err error
			if v[i], err = strconv.ParseFloat(r[i+1], 64); err != nil {
				t.Fatalf("%s: %v", r[0], err)
			}
		}
		if r[1] != nominal[r[0]] {
			t.Errorf("%s: nominal %s, evaluate %s", r[0], r[1], nominal[r[0]])
		}
		if !(1 <= v[3] && v[3] <= v[2] && v[2] <= v[4] && v[4] <= 86 && 0 <= v[5] && v[5] <= 1) {
			t.Errorf("%s: statistics out of order: %v", r[0], r)
		}
		if v[3] < v[4] {
			moved++
		}
	}
	if moved < 43 {
		t.Errorf("only %d units have a rank interval", moved)
	}
	if code, _, stderr := robustnessMethod(t, "-n", "300", "--seed", "3", "--workers", "1", "--out", out1); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(out1)
	if string(a) != string(b) {
		t.Error("1 worker and 4 workers give different outputs for the same seed")
	}
}

// TestRobustnessMethodFlagsOverride overrides every input of the file with
// one that changes nothing: every statistic is then the nominal rank.
func TestRobustnessMethodFlagsOverride(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ranks.csv")
	code, stdout, stderr := robustnessMethod(t, "--vary-weights", "1:0,2:0", "--vary-winmax", "5-5",
		"--vary-aggregate", "amean", "--vary-impute", "none/none", "-n", "50", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "uncertain inputs: impute, winmax, weights, aggregate") {
		t.Errorf("stdout:\n%s", stdout)
	}
	_, rows := readLong(t, out)
	if len(rows) != 86 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		top := "0"
		if n, _ := strconv.Atoi(r[1]); n <= 10 {
			top = "1"
		}
		if r[2] != r[1] || r[3] != r[1] || r[4] != r[1] || r[5] != r[1] || r[6] != top {
			t.Errorf("%s: %v, want every rank %s", r[0], r, r[1])
		}
	}
}

// TestRobustnessMethodSobolAndRemove checks the Sobol and remove-one
// analyses of the method.
func TestRobustnessMethodSobolAndRemove(t *testing.T) {
	dir := t.TempDir()
	s, stats := filepath.Join(dir, "s.csv"), filepath.Join(dir, "stats.csv")
	code, stdout, stderr := robustnessMethod(t, "--sobol", "--sobol-out", s, "--out", stats, "-n", "40", "--nboot", "10")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "200 runs") {
		t.Errorf("stdout:\n%s", stdout)
	}
	head, rows := readLong(t, s)
	if strings.Join(head, ",") != "variable,si,sti,si_q5,si_q95,sti_q5,sti_q95" || len(rows) != 3 {
		t.Fatalf("header %v, %d rows", head, len(rows))
	}
	for i, name := range []string{"winmax", "weights", "aggregate"} {
		if r := rows[i]; r[0] != name || r[1] == "" || r[2] == "" || r[3] == "" || r[6] == "" {
			t.Errorf("row %v", r)
		}
	}
	if _, rows := readLong(t, stats); len(rows) != 86 {
		t.Errorf("Sobol rank statistics: %d rows", len(rows))
	}
	r := filepath.Join(dir, "r.csv")
	code, stdout, stderr = robustnessMethod(t, "--remove-level", "2", "--out", r)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	head, rows = readLong(t, r)
	areas := []string{"econ", "fiscal", "industry", "sector", "welfare", "green"} // the demo method's domains
	if strings.Join(head, ",") != "removed,mean_abs_rank_change" || len(rows) != len(areas)+1 || strings.Join(rows[0], ",") != "Nominal,0" {
		t.Fatalf("header %v, rows %v", head, rows)
	}
	for i, area := range areas {
		if v, err := strconv.ParseFloat(rows[i+1][1], 64); rows[i+1][0] != area || err != nil || !(v > 0) {
			t.Errorf("row %v", rows[i+1])
		}
	}
	if !strings.Contains(stdout, "mean absolute change of the total ranks") {
		t.Errorf("stdout:\n%s", stdout)
	}
}

// TestRobustnessMethodErrors checks the refusals of the method form.
func TestRobustnessMethodErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ranks.csv")
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--vary-normalise", "minmax:0,100/zscore:10,2"}, "--vary-normalise does not apply to a method file: its scoring rules replace normalisation"},
		{[]string{"--node", "econ"}, "a method file's analysis is of the overall ranking (total): --node econ is not supported"},
		{[]string{"--vary-aggregate", "amean/median"}, `uncertain input aggregate[1]: must be one of amean, gmean, hmean, genmean:P, found "median"`},
		{[]string{"--vary-weights", "3:0.1"}, "uncertain input weights.3: level 3 cannot be perturbed: it must be 1 to 2"},
		{[]string{"--remove-level", "3"}, "uncertain input remove-level: the nodes of level 3 cannot be removed in turn: the level must be 1 to 2"},
		{[]string{"--vary-winmax", "", "--vary-aggregate", "", "--sobol", "--sobol-out", out}, "a Sobol analysis needs at least two uncertain inputs"},
		{[]string{"--imeta", "x.csv"}, "flag provided but not defined: -imeta"},
	} {
		code, _, stderr := robustnessMethod(t, append(tc.args, "--out", out)...)
		if code == 0 || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %s; want %s", tc.args, code, stderr, tc.stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("output written despite the errors")
	}
}
