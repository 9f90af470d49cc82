package cli

import (
	"strings"
	"testing"
)

// tzengCSV is the TOPSIS example of Tzeng & Huang (2011), Multiple
// Attribute Decision Making, CRC Press: with weights 0.3, 0.4, 0.3 and
// vector normalisation the closeness is 0.5037, 0.6581, 0.7482, 0.3340.
const tzengCSV = "alt,c1,c2,c3\nA1,5,8,4\nA2,7,6,8\nA3,8,8,6\nA4,7,4,6\n"

func TestTOPSISJSON(t *testing.T) {
	code, out, errs := calcRun(t, map[string]string{"m.csv": tzengCSV}, "mcda", "topsis", "--data", "{dir}/m.csv", "--weights", "3,4,3", "--types", "+,+,+", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Closeness map[string]float64
		Rank      map[string]int
	}
	decodeOne(t, out, &got)
	assertMap(t, "closeness", got.Closeness, map[string]float64{"A1": 0.5037, "A2": 0.6581, "A3": 0.7482, "A4": 0.3340}, 0.00005)
	if want := map[string]int{"A1": 3, "A2": 2, "A3": 1, "A4": 4}; len(got.Rank) != 4 || got.Rank["A1"] != 3 || got.Rank["A2"] != 2 || got.Rank["A3"] != 1 || got.Rank["A4"] != 4 {
		t.Errorf("rank %v, want %v", got.Rank, want)
	}
}

// TestTOPSISMinMax: Opricovic & Tzeng (2004), EJOR 156(2), 445–455, with
// min-max normalisation: 0.500, 0.617, 0.500, A1 and A3 tied second.
func TestTOPSISMinMax(t *testing.T) {
	data := "alt,f1,f2\nA1,1,3000\nA2,2,3750\nA3,5,4500\n"
	code, out, errs := calcRun(t, map[string]string{"m.csv": data}, "mcda", "topsis", "--data", "{dir}/m.csv", "--weights", "0.5,0.5", "--types", "-,+", "--normalise", "minmax", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Closeness map[string]float64
		Rank      map[string]int
	}
	decodeOne(t, out, &got)
	assertMap(t, "closeness", got.Closeness, map[string]float64{"A1": 0.5, "A2": 0.617, "A3": 0.5}, 0.0005)
	if got.Rank["A1"] != 2 || got.Rank["A2"] != 1 || got.Rank["A3"] != 2 {
		t.Errorf("rank %v, want A2 1, A1 and A3 2", got.Rank)
	}
}

func TestTOPSISTable(t *testing.T) {
	code, out, _ := calcRun(t, map[string]string{"m.csv": tzengCSV}, "mcda", "topsis", "--data", "{dir}/m.csv", "--weights", "3,4,3", "--types", "+,+,+", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"normalisation: vector", "weights (normalised to sum 1): c1 0.3, c2 0.4, c3 0.3", "closeness C", "A3", "Euclidean"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestTOPSISErrors(t *testing.T) {
	files := map[string]string{
		"m.csv":   tzengCSV,
		"bad.csv": "alt,c1,c2\nA1,1,x\nA2,2,3\n",
	}
	tests := []struct {
		name   string
		args   []string
		zh, en string
	}{
		{"wrong number of weights", []string{"--weights", "1,2", "--types", "+,+,+"},
			"qiangxian: --weights 有 2 项，数据有 3 个指标", "qiangxian: --weights has 2 entries, the data has 3 criteria"},
		{"wrong number of types", []string{"--weights", "1,2,3", "--types", "+,+"},
			"qiangxian: --types 有 2 项，数据有 3 个指标", "qiangxian: --types has 2 entries, the data has 3 criteria"},
		{"negative weight", []string{"--weights", "1,-2,3", "--types", "+,+,+"},
			"--weights 第 2 项 \"-2\" 无效", "--weights entry 2 \"-2\" is invalid"},
		{"zero weights", []string{"--weights", "0,0,0", "--types", "+,+,+"},
			"--weights 全为零", "--weights are all zero"},
		{"weights required", []string{"--types", "+,+,+"}, "缺少 --weights", "--weights is required"},
		{"bad normalisation", []string{"--weights", "1,1,1", "--types", "+,+,+", "--normalise", "sum"},
			"--normalise \"sum\" 无效", "--normalise \"sum\" is invalid"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"zh", "en"} {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				want := tt.zh
				if lang == "en" {
					want = tt.en
				}
				args := append([]string{"mcda", "topsis", "--data", "{dir}/m.csv", "--lang", lang}, tt.args...)
				code, out, errs := calcRun(t, files, args...)
				if code != 2 || out != "" || !strings.Contains(errs, want) {
					t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, %q", code, out, errs, want)
				}
			})
		}
	}
	code, _, errs := calcRun(t, files, "mcda", "topsis", "--data", "{dir}/bad.csv", "--weights", "1,1", "--types", "+,+", "--lang", "en")
	if want := "bad.csv:2:3: expected a number, found \"x\""; code != 2 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, want)
	}
}
