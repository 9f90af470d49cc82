package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyseCLI runs every analysis on COINr's example and checks the
// shape of each table (the numbers are tested in the engine).
func TestAnalyseCLI(t *testing.T) {
	dir := t.TempDir()
	steps := []string{"--imeta", asemCLI + "ASEM_iMeta.csv", "--idata", asemCLI + "ASEM_iData.csv", "--denominate",
		"--impute", "mean-group:EurAsia_group", "--treat", "default", "--normalise", "minmax:0,100", "--aggregate", "amean"}
	for _, tc := range []struct {
		args       []string
		rows, cols int
		head       string
	}{
		{[]string{"stats"}, 50, 20, "code"},
		{[]string{"correlations", "--dset", "Aggregated"}, 50, 5, "a"},
		{[]string{"correlations", "--dset", "Normalised", "--group-level", "2", "--method", "spearman"}, 0, 5, "a"},
		{[]string{"cronbach", "--dset", "Aggregated"}, 12, 5, "node"},
		{[]string{"pca", "--dset", "Normalised"}, 50, 7, "group"},
		{[]string{"availability", "--group", "EurAsia_group"}, 52, 17, "unit"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out := filepath.Join(dir, tc.args[0]+".csv")
			args := append(append([]string{"analyse"}, tc.args...), append(steps, "--out", out)...)
			if code, _, errs := runCLI(t, args...); code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			f, err := os.Open(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			recs, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if (tc.rows > 0 && len(recs) != tc.rows) || len(recs[0]) != tc.cols || recs[0][0] != tc.head {
				t.Errorf("%d rows × %d columns, header %v", len(recs), len(recs[0]), recs[0])
			}
		})
	}
	if code, _, _ := runCLI(t, append([]string{"analyse", "stats", "--dset", "Aggregated"}, steps[:4]...)...); code == 0 {
		t.Error("a data set the steps did not make was accepted")
	}
	if code, _, _ := runCLI(t, "analyse", "nothing"); code == 0 {
		t.Error("an unknown analysis was accepted")
	}
	x := filepath.Join(dir, "stats.xlsx")
	if code, _, errs := runCLI(t, append(append([]string{"analyse", "stats"}, steps...), "--out", x)...); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(x); err != nil {
		t.Error(err)
	}
}
