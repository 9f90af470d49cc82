package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// exampleArgs are the inputs and step flags of COINr's example.
func exampleArgs() []string {
	return []string{"--imeta", asem + "/ASEM_iMeta.csv", "--idata", asem + "/ASEM_iData.csv",
		"--denominate", "--impute", "mean-group:EurAsia_group", "--screen", "0.9", "--treat", "default",
		"--normalise", "minmax:0,100", "--aggregate", "amean"}
}

// exampleVary is COINr's example uncertainty analysis.
var exampleVary = []string{"--vary-winmax", "1-5", "--vary-normalise", "minmax:1,100/zscore:10,2",
	"--vary-weights", "2:0.25,3:0.25", "--vary-aggregate", "amean/gmean"}

func robustness(t *testing.T, extra ...string) (int, string, string) {
	t.Helper()
	args := append(append([]string{"robustness", "--lang", "en"}, exampleArgs()...), extra...)
	return run(t, args...)
}

// TestRobustnessUncertainty runs COINr's example uncertainty analysis and
// checks the output: header, one row per unit, COINr's nominal ranks,
// ordered statistics, and the same bytes whatever the number of workers.
func TestRobustnessUncertainty(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "ranks.csv")
	code, stdout, stderr := robustness(t, append(exampleVary, "-n", "300", "--seed", "3", "--out", out)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "uncertainty analysis of Index: 300 replicates") {
		t.Errorf("stdout:\n%s", stdout)
	}
	head, rows := readLong(t, out)
	if strings.Join(head, ",") != "unit,nominal,mean,median,q5,q95,p_top10" || len(rows) != 51 {
		t.Fatalf("header %v, %d rows", head, len(rows))
	}
	nominal := map[string]string{}
	_, nom := readLong(t, asem+"/expected/uncertainty_replay/UA_N100_Nominal.csv")
	for _, r := range nom {
		nominal[r[0]] = r[2]
	}
	for _, r := range rows {
		v := make([]float64, 6)
		for i := range v {
			var err error
			if v[i], err = strconv.ParseFloat(r[i+1], 64); err != nil {
				t.Fatalf("%s: %v", r[0], err)
			}
		}
		if r[1] != nominal[r[0]] {
			t.Errorf("%s: nominal %s, COINr %s", r[0], r[1], nominal[r[0]])
		}
		// nominal, mean, median, q5, q95, p_top10: the mean may lie outside [q5, q95].
		if !(1 <= v[3] && v[3] <= v[2] && v[2] <= v[4] && v[4] <= 51 && 1 <= v[1] && v[1] <= 51 && 0 <= v[5] && v[5] <= 1) {
			t.Errorf("%s: statistics out of order: %v", r[0], r)
		}
	}
	out1, all := filepath.Join(dir, "ranks1.csv"), filepath.Join(dir, "all.csv")
	if code, _, stderr := robustness(t, append(exampleVary, "-n", "300", "--seed", "3", "--workers", "1", "--out", out1, "--all-ranks", all)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(out1)
	if string(a) != string(b) {
		t.Error("1 worker and all workers give different outputs for the same seed")
	}
	// The kept ranks give back the statistics: the median of the first unit.
	head, allRows := readLong(t, all)
	if len(head) != 301 || head[1] != "r_1" || len(allRows) != 51 || allRows[0][0] != rows[0][0] {
		t.Fatalf("all ranks: header of %d columns, %d rows", len(head), len(allRows))
	}
	var x []float64
	for _, s := range allRows[0][1:] {
		v, _ := strconv.ParseFloat(s, 64)
		x = append(x, v)
	}
	slices.Sort(x)
	if med := (x[149] + x[150]) / 2; strconv.FormatFloat(med, 'g', -1, 64) != rows[0][3] {
		t.Errorf("%s: median of the kept ranks %v, statistics say %s", rows[0][0], med, rows[0][3])
	}
}

// TestRobustnessSobol checks the Sobol output with and without bootstrap.
func TestRobustnessSobol(t *testing.T) {
	dir := t.TempDir()
	for _, nboot := range []string{"0", "30"} {
		s := filepath.Join(dir, "s"+nboot+".csv")
		code, stdout, stderr := robustness(t, append(exampleVary, "--sobol", "--sobol-out", s, "-n", "50", "--nboot", nboot)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "300 runs") {
			t.Errorf("stdout:\n%s", stdout)
		}
		head, rows := readLong(t, s)
		if strings.Join(head, ",") != "variable,si,sti,si_q5,si_q95,sti_q5,sti_q95" || len(rows) != 4 {
			t.Fatalf("header %v, %d rows", head, len(rows))
		}
		for i, name := range []string{"winmax", "normalise", "weights", "aggregate"} {
			r := rows[i]
			if r[0] != name || r[1] == "" || r[2] == "" || (r[3] == "") != (nboot == "0") || (r[6] == "") != (nboot == "0") {
				t.Errorf("nboot %s: row %v", nboot, r)
			}
		}
	}
}

// TestRobustnessRemove checks COINr's remove_elements at the pillar level.
func TestRobustnessRemove(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.csv")
	code, stdout, stderr := robustness(t, "--remove-level", "2", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	head, rows := readLong(t, out)
	if strings.Join(head, ",") != "removed,mean_abs_rank_change" || len(rows) != 9 {
		t.Fatalf("header %v, %d rows", head, len(rows))
	}
	if rows[0][0] != "Nominal" || rows[0][1] != "0" {
		t.Errorf("first row %v", rows[0])
	}
	want := []string{"Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin"}
	for i, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[1], 64)
		if r[0] != want[i] || err != nil || v <= 0 {
			t.Errorf("row %d: %v", i+1, r)
		}
	}
	if !strings.Contains(stdout, "Index") {
		t.Errorf("stdout:\n%s", stdout)
	}
}

func TestRobustnessUsageErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.csv")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no out", exampleVary, "--out"},
		{"bad weights", []string{"--vary-weights", "2=0.25", "--out", out}, "--vary-weights"},
		{"bad factor", []string{"--vary-weights", "2:1.5", "--out", out}, "--vary-weights"},
		{"bad winmax", []string{"--vary-winmax", "5-1", "--out", out}, "--vary-winmax"},
		{"bad normalise", []string{"--vary-normalise", "minmax/nope", "--out", out}, "--vary-normalise"},
		{"bad aggregate", []string{"--vary-aggregate", "amean/", "--out", out}, "--vary-aggregate"},
		{"nothing varies", []string{"--out", out}, "nothing varies"},
		{"sobol one input", []string{"--vary-winmax", "1-5", "--sobol", "--sobol-out", out}, "at least two"},
		{"sobol without out", []string{"--sobol"}, "--sobol-out"},
		{"unknown node", []string{"--vary-winmax", "1-5", "--node", "Nope", "--out", out}, "Nope"},
		{"bad level", []string{"--remove-level", "4", "--out", out}, "level 4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := robustness(t, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tc.msg)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an output was written despite the errors")
	}
}

// TestRobustnessOtherInputs varies the imputation and leaves indicators
// out, and names the node analysed.
func TestRobustnessOtherInputs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ranks.csv")
	code, stdout, stderr := robustness(t, "--vary-impute", "mean/median/mean-group:EurAsia_group", "--vary-leave-out",
		"--node", "Conn", "-n", "100", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "uncertainty analysis of Conn: 100 replicates") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if _, rows := readLong(t, out); len(rows) != 51 {
		t.Errorf("%d rows, want 51", len(rows))
	}
}
