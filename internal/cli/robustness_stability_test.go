package cli

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRobustnessStability: against the 2021 result, the demo's 2022 ranks
// report their stability; rescoring 2021's data under the same method
// gives 2021's published ranks back, so every move is due to the data
// (method 0, data = change, method share 0 where a unit moved).
func TestRobustnessStability(t *testing.T) {
	out := filepath.Join(t.TempDir(), "stability.csv")
	code, stdout, stderr := robustnessMethod(t, "--previous-data", gansu+"/data-2021.xlsx", "--previous-targets",
		gansu+"/targets-2021.csv", "--stability-out", out, "--remove-level", "2", "--out", filepath.Join(t.TempDir(), "r.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "ranks against last year (86 units): Spearman correlation") {
		t.Errorf("stdout:\n%s", stdout)
	}
	head, rows := readLong(t, out)
	if strings.Join(head, ",") != "unit,rank,change,method,data,method_share" || len(rows) != 86 {
		t.Fatalf("header %v, %d rows", head, len(rows))
	}
	sum := 0.0
	for _, r := range rows {
		change, _ := strconv.ParseFloat(r[2], 64)
		sum += math.Abs(change)
		if r[3] != "0" || r[4] != r[2] || (change != 0 && r[5] != "0") || (change == 0 && r[5] != "") {
			t.Errorf("row %v", r)
		}
	}
	// The printed mean move is the mean of the table's |change|.
	if want := "mean move " + strconv.FormatFloat(math.Round(sum/86*100)/100, 'f', -1, 64) + " places"; !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout)
	}
}
